using System.Text.Json.Serialization;

namespace Qtl.Distillation;

/// <summary>
/// What a student learns from: <c>none</c> (labels only), the committed <c>lenet</c> or <c>alexnet</c> of the class
/// subset, the <c>ensemble</c> of both, or a <c>model</c> given by its path (<see cref="TeacherChoice"/>).
/// </summary>
[JsonConverter(typeof(EnumTextConverter<TeacherKind>))]
public enum TeacherKind
{
    None,
    [JsonStringEnumMemberName("lenet")]
    LeNet,
    [JsonStringEnumMemberName("alexnet")]
    AlexNet,
    Ensemble,
    Model,
}

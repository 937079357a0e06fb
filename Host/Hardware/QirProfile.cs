using System.Text.Json.Serialization;

namespace Qtl.Hardware;

/// <summary>The QIR profiles the QDK generates, by its names: <c>base</c> (what most hardware accepts) and the adaptive ones.</summary>
[JsonConverter(typeof(EnumTextConverter<QirProfile>))]
public enum QirProfile
{
    Base,
    [JsonStringEnumMemberName("adaptive_ri")]
    AdaptiveRi,
    [JsonStringEnumMemberName("adaptive_rif")]
    AdaptiveRif,
}

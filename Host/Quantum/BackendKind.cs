using System.Text.Json.Serialization;

namespace Qtl.Quantum;

/// <summary>Where circuits run: <c>qsharp</c>, the Q# kernels on the QDK simulator; <c>native</c>, the C# state vector.</summary>
[JsonConverter(typeof(EnumTextConverter<BackendKind>))]
public enum BackendKind
{
    [JsonStringEnumMemberName("qsharp")]
    QSharp,
    Native,
}

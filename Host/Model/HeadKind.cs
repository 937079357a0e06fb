using System.Text.Json.Serialization;

namespace Qtl.Model;

/// <summary>
/// The heads compared in every run: <c>Quantum</c> (the dressed circuit), <c>Classical</c> (the same shape with the
/// circuit replaced by Linear(n→n)+tanh) and <c>Linear</c> (Linear(F→C)). Files and the command line spell them in
/// lower case (<see cref="EnumText"/>).
/// </summary>
[JsonConverter(typeof(EnumTextConverter<HeadKind>))]
public enum HeadKind
{
    Quantum,
    Classical,
    Linear,
}

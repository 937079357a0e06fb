using System.Text.Json.Serialization;

namespace Qtl.Quantum;

/// <summary>How a circuit writes a sample's inputs into the register.</summary>
[JsonConverter(typeof(EnumTextConverter<InputEncoding>))]
public enum InputEncoding
{
    /// <summary>Hadamard layer, then RY(x_i) on qubit i: the dressed circuit's embedding (Circuits.qs).</summary>
    Angle,
    /// <summary>2^n real amplitudes of unit norm, prepared by Q#'s <c>PreparePureStateD</c> (Circuits.AmplitudeCircuit).</summary>
    Amplitude,
}

using System.Text.Json.Serialization;

namespace Qtl.Quantum;

/// <summary>What a circuit's output is; both are functions of the basis-state distribution a backend returns.</summary>
[JsonConverter(typeof(EnumTextConverter<CircuitReadout>))]
public enum CircuitReadout
{
    /// <summary>⟨Z_i⟩ per qubit (the dressed circuit).</summary>
    PauliZ,
    /// <summary>The 2^n basis-state probabilities (the distillation students).</summary>
    Probabilities,
}

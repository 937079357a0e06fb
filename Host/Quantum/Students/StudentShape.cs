namespace Qtl.Quantum.Students;

/// <summary>How a student writes its features into the register.</summary>
public enum StudentEncoding
{
    /// <summary>2^n real amplitudes of unit norm, prepared by Q#'s <c>PreparePureStateD</c>.</summary>
    Amplitude,
    /// <summary>Hadamard layer then RY(θ_i) on qubit i (the dressed circuit's embedding).</summary>
    Angle,
}

/// <summary>
/// A quantum student: <see cref="Qubits"/> qubits, an encoding, then <see cref="Depth"/> trainable blocks
/// [CNOT layers (0,1),(2,3),…; (1,2),(3,4),…; RY(w) on every qubit]. The readout is the 2^n basis-state
/// probabilities (qubit 0 the most significant bit).
/// </summary>
public sealed record StudentShape
{
    public const int MaxQubits = 10;

    public StudentShape(int qubits, int depth, StudentEncoding encoding)
    {
        if (qubits < 1 || qubits > MaxQubits)
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"a student has 1 to {MaxQubits} qubits.");
        if (depth < 0 || depth > 64)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be 0 to 64.");
        Qubits = qubits;
        Depth = depth;
        Encoding = encoding;
    }

    public int Qubits { get; }
    public int Depth { get; }
    public StudentEncoding Encoding { get; }
    public int StateCount => 1 << Qubits;
    public int WeightCount => Qubits * Depth;

    /// <summary>Numbers the circuit takes per sample: 2^n amplitudes or n angles.</summary>
    public int InputCount => Encoding == StudentEncoding.Amplitude ? StateCount : Qubits;

    public override string ToString() => $"{Qubits} qubits, depth {Depth}, {Encoding.ToString().ToLowerInvariant()} encoding";
}

namespace Qtl.Quantum;

/// <summary>
/// Every circuit the product runs, in transfer learning and in distillation: an input <see cref="Encoding"/>,
/// then <see cref="Depth"/> variational blocks [CNOT ladder; RY(w) on every qubit], read out as
/// <see cref="Readout"/>; without <see cref="Entangling"/> the blocks have no CNOTs (the separable control). Weights are ordered block by block, qubit by qubit; basis states and inputs
/// are big-endian (qubit 0 the most significant bit). The Q# kernels are the definition
/// (Circuits.qs); the limits here hold for every model and backend.
/// </summary>
public sealed record CircuitShape
{
    public const int MaxQubits = 16;
    public const int MaxDepth = 100;

    /// <summary>A probability readout has 2^n outputs, and its Jacobian 2^n per parameter: beyond this it is all memory.</summary>
    public const int MaxProbabilityQubits = 10;

    public CircuitShape(int qubits, int depth, InputEncoding encoding = InputEncoding.Angle, CircuitReadout readout = CircuitReadout.PauliZ,
        bool entangling = true)
    {
        if (qubits < 1 || qubits > MaxQubits)
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"qubits must be between 1 and {MaxQubits}.");
        if (depth < 0 || depth > MaxDepth)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"depth must be between 0 and {MaxDepth}.");
        if (!Enum.IsDefined(encoding))
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown input encoding.");
        if (!Enum.IsDefined(readout))
            throw new ArgumentOutOfRangeException(nameof(readout), readout, "unknown readout.");
        if (readout == CircuitReadout.Probabilities && qubits > MaxProbabilityQubits)
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"a probability readout allows 1 to {MaxProbabilityQubits} qubits.");
        Qubits = qubits;
        Depth = depth;
        Encoding = encoding;
        Readout = readout;
        Entangling = entangling;
    }

    public int Qubits { get; }
    public int Depth { get; }
    public InputEncoding Encoding { get; }
    public CircuitReadout Readout { get; }

    /// <summary>Whether each block starts with the CNOT ladder; false keeps the state a product state (the separable control).</summary>
    public bool Entangling { get; }
    public int WeightCount => Qubits * Depth;
    public int StateCount => 1 << Qubits;

    /// <summary>Numbers a circuit takes per sample: n angles or 2^n amplitudes.</summary>
    public int InputCount => Encoding == InputEncoding.Angle ? Qubits : StateCount;

    /// <summary>Numbers a circuit gives per sample: n expectations ⟨Z_i⟩ or 2^n probabilities.</summary>
    public int OutputCount => Readout == CircuitReadout.PauliZ ? Qubits : StateCount;

    public override string ToString() =>
        $"{Qubits} qubits, depth {Depth}" +
        (Encoding == InputEncoding.Amplitude ? ", amplitude encoding" : "") +
        (Readout == CircuitReadout.Probabilities ? ", basis-state probabilities" : "") +
        (Entangling ? "" : ", separable (no CNOTs)");
}

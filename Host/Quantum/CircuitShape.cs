namespace Qtl.Quantum;

/// <summary>
/// The shape of the dressed circuit: <see cref="Qubits"/> qubits and <see cref="Depth"/>
/// variational blocks. Weights are ordered block by block, qubit by qubit.
/// </summary>
public sealed record CircuitShape
{
    public const int MaxQubits = 16;

    public CircuitShape(int qubits, int depth)
    {
        if (qubits < 1 || qubits > MaxQubits)
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"qubits must be between 1 and {MaxQubits}.");
        if (depth < 0)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be 0 or more.");
        Qubits = qubits;
        Depth = depth;
    }

    public int Qubits { get; }
    public int Depth { get; }
    public int WeightCount => Qubits * Depth;
    public int StateCount => 1 << Qubits;

    public override string ToString() => $"{Qubits} qubits, depth {Depth}";
}

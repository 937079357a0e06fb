namespace Qtl.Quantum;

/// <summary>
/// What a backend returns for a batch, flat like <see cref="CircuitBatch"/>:
/// ⟨Z_i⟩ of circuit b at Expectations[b*n+i], probability of basis state k
/// (qubit 0 the most significant bit) at Probabilities[b*2^n+k].
/// With <see cref="Shots"/> = 0 the values are exact; otherwise they are
/// frequencies over that many shots, and <see cref="ShotSource"/> says how they were drawn.
/// </summary>
public sealed record BatchResult(
    CircuitShape Shape,
    int Count,
    double[] Expectations,
    double[] Probabilities,
    string Backend,
    int Shots = 0,
    string ShotSource = "exact")
{
    public ReadOnlySpan<double> ExpectationsOf(int circuit) => Expectations.AsSpan(circuit * Shape.Qubits, Shape.Qubits);
    public ReadOnlySpan<double> ProbabilitiesOf(int circuit) => Probabilities.AsSpan(circuit * Shape.StateCount, Shape.StateCount);

    /// <summary>Every circuit's outputs by the shape's readout, flat: ⟨Z_i⟩ or probabilities.</summary>
    public double[] Outputs => Shape.Readout == CircuitReadout.PauliZ ? Expectations : Probabilities;

    public ReadOnlySpan<double> OutputsOf(int circuit) => Outputs.AsSpan(circuit * Shape.OutputCount, Shape.OutputCount);

    /// <summary>⟨Z_i⟩ per qubit from basis-state probabilities (qubit 0 = most significant bit).</summary>
    public static void ExpectationsFromProbabilities(ReadOnlySpan<double> probabilities, Span<double> z, int qubits)
    {
        z.Clear();
        for (int k = 0; k < probabilities.Length; k++)
            for (int i = 0; i < qubits; i++)
                z[i] += ((k >> (qubits - 1 - i)) & 1) == 0 ? probabilities[k] : -probabilities[k];
    }
}

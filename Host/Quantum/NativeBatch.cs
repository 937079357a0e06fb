namespace Qtl.Quantum;

/// <summary>
/// The batch loop of both native engines (state vector and density matrix): each circuit's exact distribution,
/// in parallel over the batch, then shots drawn by the one <see cref="ShotSampler"/>, then ⟨Z_i⟩ from the result.
/// Each call with shots draws from a fresh stream, so repeated calls draw fresh shots.
/// </summary>
/// <param name="seed">Seeds shot sampling; the same seed and sequence of calls give the same results.</param>
internal sealed class NativeBatch(int seed)
{
    private long _calls;

    /// <summary>Writes circuit <paramref name="circuit"/>'s exact basis-state probabilities, using per-thread <paramref name="scratch"/>.</summary>
    public delegate void Distribution(int circuit, Span<double> probabilities, double[] scratch);

    /// <param name="scratchSize">Doubles of working space per thread.</param>
    /// <param name="workPerCircuit">Rough cost of one circuit, which decides whether threads pay.</param>
    public (double[] Probabilities, double[] Expectations) Evaluate(CircuitBatch batch, int shots,
        int scratchSize, long workPerCircuit, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        ulong stream = shots > 0 ? (ulong)Interlocked.Increment(ref _calls) : 0;
        var shape = batch.Shape;
        int n = shape.Qubits, size = shape.StateCount;
        var probabilities = new double[batch.Count * size];
        var expectations = new double[batch.Count * n];
        BatchParallel.ForEachRange(batch.Count, workPerCircuit + shots, (from, to) =>
        {
            var scratch = new double[scratchSize];
            var sampler = shots > 0 ? new ShotSampler(size) : null;
            for (int b = from; b < to; b++)
            {
                var p = probabilities.AsSpan(b * size, size);
                distribution(b, p, scratch);
                sampler?.Draw(p, shots, seed, stream, b);
                StateVector.ExpectationsZ(p, expectations.AsSpan(b * n, n), n);
            }
        });
        return (probabilities, expectations);
    }
}

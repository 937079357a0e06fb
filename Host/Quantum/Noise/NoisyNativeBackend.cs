namespace Qtl.Quantum.Noise;

/// <summary>
/// The dressed circuits under Pauli noise on the native <see cref="DensityMatrix"/>: exact noisy
/// ⟨Z_i⟩ and probabilities with shots = 0, or shots drawn from the exact noisy distribution. Exact
/// values make parameter-shift gradients exact under noise (the channels do not depend on the
/// angles, so the two-term rule still holds), so it also serves for training under noise.
/// </summary>
public sealed class NoisyNativeBackend : IQuantumBackend
{
    /// <summary>Says in every shot result how the shots were drawn.</summary>
    public const string SampledShotSource = "sampled from the exact noisy distribution (native density matrix)";

    private readonly int seed;
    private long calls;

    /// <param name="noise">The noise after every gate and before measurement.</param>
    /// <param name="seed">Seeds shot sampling; the same seed and sequence of calls give the same results.</param>
    public NoisyNativeBackend(NoiseModel noise, int seed = 12345)
    {
        Noise = noise ?? throw new ArgumentNullException(nameof(noise));
        this.seed = seed;
    }

    public NoiseModel Noise { get; }

    public string Name => "native-noisy";

    public BatchResult Evaluate(CircuitBatch batch, int shots = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var shape = batch.Shape;
        int n = shape.Qubits, dim = shape.StateCount, count = batch.Count;
        if (n > DensityMatrix.MaxQubits)
            throw new ArgumentException($"the native noisy engine simulates up to {DensityMatrix.MaxQubits} qubits (a density matrix of {n} would need 4^{n} doubles); use the QDK's shot-based noise instead.");
        var probabilities = new double[count * dim];
        var expectations = new double[count * n];
        ulong stream = shots > 0 ? (ulong)Interlocked.Increment(ref calls) : 0;
        long work = (long)dim * dim * (3 * n + shape.Depth * 3 * n) + shots;

        BatchParallel.ForEachRange(count, work, (from, to) =>
        {
            var rho = new double[dim * dim];
            var sampler = shots > 0 ? new ShotSampler(dim) : null;
            for (int b = from; b < to; b++)
            {
                var p = probabilities.AsSpan(b * dim, dim);
                DensityMatrix.Run(shape, batch.InputsOf(b), batch.WeightsOf(b), Noise, rho);
                DensityMatrix.MeasuredProbabilities(rho, n, Noise, p);
                if (shots > 0)
                {
                    // Rounding can leave a probability a hair below 0; such a state is never drawn.
                    foreach (ref double v in p) v = Math.Max(0, v);
                    sampler!.Draw(p, shots, seed, stream, b);
                }
                StateVector.ExpectationsZ(p, expectations.AsSpan(b * n, n), n);
            }
        });
        return shots > 0
            ? new BatchResult(shape, count, expectations, probabilities, Name, shots, SampledShotSource)
            : new BatchResult(shape, count, expectations, probabilities, Name, 0, $"exact ({Noise}, native density matrix)");
    }

    public void Dispose() { }
}

namespace Qtl.Quantum;

/// <summary>
/// Runs the dressed circuits on a real C# state vector (<see cref="StateVector"/>), in parallel
/// over the batch. It exists for speed (training at scale, adjoint gradients) and as an
/// independent check of the Q# kernels, which remain the definition of the circuit.
/// </summary>
public sealed class NativeBackend : IQuantumBackend
{
    /// <summary>Says in every shot result how the shots were drawn: no measurement was simulated.</summary>
    public const string SampledShotSource = "sampled from the exact distribution";

    private readonly int seed;
    private long calls;

    /// <param name="seed">Seeds shot sampling; the same seed and the same sequence of calls give the same results.</param>
    public NativeBackend(int seed = 12345) => this.seed = seed;

    public string Name => "native";

    /// <summary>Runs one circuit into caller-provided spans (2^n each); see <see cref="StateVector.Run(CircuitShape, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/>.</summary>
    public static void Simulate(CircuitShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights,
        Span<double> amplitudes, Span<double> scratch) => StateVector.Run(shape, inputs, weights, amplitudes, scratch);

    /// <summary>
    /// Exact ⟨Z_i⟩ and probabilities when <paramref name="shots"/> is 0. Otherwise each circuit's
    /// outcomes are drawn multinomially from its exact distribution and frequencies returned.
    /// Every circuit has its own random stream keyed by (seed, call number, circuit index), so
    /// results do not depend on how the batch is split over threads, and repeated calls draw fresh shots.
    /// </summary>
    public BatchResult Evaluate(CircuitBatch batch, int shots = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var shape = batch.Shape;
        int n = shape.Qubits, size = shape.StateCount, count = batch.Count;
        var probabilities = new double[count * size];
        var expectations = new double[count * n];
        ulong stream = shots > 0 ? (ulong)Interlocked.Increment(ref calls) : 0;
        long work = (long)size * (shape.Depth + 1) * Math.Max(1, n / 2) + shots;

        BatchParallel.ForEachRange(count, work, (from, to) =>
        {
            Span<double> scratch = size <= 1024 ? stackalloc double[size] : new double[size];
            for (int b = from; b < to; b++)
            {
                // The amplitudes live in the result slot and are squared in place: no copy.
                var slot = probabilities.AsSpan(b * size, size);
                StateVector.Run(shape, batch.InputsOf(b), batch.WeightsOf(b), slot, scratch);
                StateVector.Probabilities(slot, slot);
                if (shots > 0)
                {
                    var rng = new Xoshiro256(seed, stream, b);
                    Sample(slot, scratch, shots, ref rng);
                }
                StateVector.ExpectationsZ(slot, expectations.AsSpan(b * n, n), n);
            }
        });

        return shots > 0
            ? new BatchResult(shape, count, expectations, probabilities, Name, shots, SampledShotSource)
            : new BatchResult(shape, count, expectations, probabilities, Name);
    }

    /// <summary>Replaces exact probabilities by the frequencies of <paramref name="shots"/> draws (inverse CDF).</summary>
    private static void Sample(Span<double> probabilities, Span<double> cdf, int shots, ref Xoshiro256 rng)
    {
        double total = 0;
        for (int k = 0; k < probabilities.Length; k++) cdf[k] = total += probabilities[k];
        probabilities.Clear();
        int last = probabilities.Length - 1;
        for (int shot = 0; shot < shots; shot++)
        {
            // First k with cdf[k] > u: states of zero probability are never drawn.
            double u = rng.NextDouble() * total;
            int lo = 0, hi = last;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (cdf[mid] > u) hi = mid; else lo = mid + 1;
            }
            probabilities[lo] += 1;
        }
        double scale = 1.0 / shots;
        for (int k = 0; k <= last; k++) probabilities[k] *= scale;
    }

    public void Dispose() { }

    /// <summary>xoshiro256** (Blackman &amp; Vigna): small, fast, seeded per circuit through SplitMix64.</summary>
    private struct Xoshiro256
    {
        private ulong s0, s1, s2, s3;

        public Xoshiro256(int seed, ulong stream, int circuit)
        {
            ulong x = (ulong)(uint)seed ^ (stream * 0xD1B54A32D192ED03UL) ^ ((ulong)circuit * 0x9E3779B97F4A7C15UL << 1);
            s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

        private ulong Next()
        {
            ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return result;
        }

        private static ulong SplitMix(ref ulong x)
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

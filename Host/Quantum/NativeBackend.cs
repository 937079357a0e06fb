using Qtl.Quantum.Gradients;

namespace Qtl.Quantum;

/// <summary>
/// Runs the dressed circuits on a real C# state vector (<see cref="StateVector"/>), in parallel
/// over the batch. It exists for speed (training at scale, adjoint gradients) and as an
/// independent check of the Q# kernels, which remain the definition of the circuit.
/// </summary>
public sealed class NativeBackend : IVariationalUnitaryBackend
{
    /// <summary>Says in every shot result how the shots were drawn: no measurement was simulated.</summary>
    public const string SampledShotSource = "sampled from the exact distribution";

    private readonly int seed;
    private long calls;

    /// <param name="seed">Seeds shot sampling; the same seed and the same sequence of calls give the same results.</param>
    public NativeBackend(int seed = DefaultSeed) => this.seed = seed;

    public const int DefaultSeed = 12345;

    public string Name => "native";

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
            int[] alias = shots > 0 ? new int[size] : [], work = shots > 0 ? new int[size] : [];
            for (int b = from; b < to; b++)
            {
                // The amplitudes live in the result slot and are squared in place: no copy.
                var slot = probabilities.AsSpan(b * size, size);
                StateVector.Run(shape, batch.InputsOf(b), batch.WeightsOf(b), slot, scratch);
                StateVector.Probabilities(slot, slot);
                if (shots > 0)
                {
                    Sample(slot, scratch, alias, work, shots, new Xoshiro256(seed, stream, b));
                }
                StateVector.ExpectationsZ(slot, expectations.AsSpan(b * n, n), n);
            }
        });

        return shots > 0
            ? new BatchResult(shape, count, expectations, probabilities, Name, shots, SampledShotSource)
            : new BatchResult(shape, count, expectations, probabilities, Name);
    }

    /// <summary>
    /// Replaces exact probabilities by the frequencies of <paramref name="shots"/> draws. Walker's
    /// alias method (Vose's construction) costs O(2^n) once and O(1) per shot, where a CDF search
    /// paid a mispredicted branch per level per shot; states of zero probability are never drawn.
    /// </summary>
    private static void Sample(Span<double> probabilities, Span<double> threshold, int[] alias, int[] work,
        int shots, Xoshiro256 rng)
    {
        int size = probabilities.Length, likeliest = 0;
        double total = 0;
        for (int k = 0; k < size; k++)
        {
            total += probabilities[k];
            if (probabilities[k] > probabilities[likeliest]) likeliest = k;
        }
        // Columns below 1 go on a stack at the front of `work`, the others on one at the back.
        int small = 0, large = 0;
        for (int k = 0; k < size; k++)
        {
            threshold[k] = probabilities[k] * size / total;
            alias[k] = k;
            if (threshold[k] < 1) work[small++] = k; else work[size - ++large] = k;
        }
        while (small > 0 && large > 0)
        {
            int less = work[--small], more = work[size - large];
            alias[less] = more;
            threshold[more] -= 1 - threshold[less];
            if (threshold[more] < 1) { large--; work[small++] = more; }
        }
        // Leftovers are 1 up to rounding; a state that had no probability must still never be drawn.
        while (large > 0) threshold[work[size - large--]] = 1;
        while (small > 0)
        {
            int k = work[--small];
            if (threshold[k] > 0) threshold[k] = 1;
            else { threshold[k] = 0; alias[k] = likeliest; }
        }

        probabilities.Clear();
        for (int shot = 0; shot < shots; shot++)
        {
            double x = rng.NextDouble() * size;
            int column = (int)x, other = alias[column];
            // Both candidates loaded first so the choice compiles to a conditional move, not a branch.
            probabilities[x - column < threshold[column] ? column : other] += 1;
        }
        double scale = 1.0 / shots;
        for (int k = 0; k < size; k++) probabilities[k] *= scale;
    }

    public double[] VariationalColumns(CircuitShape shape, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int size = shape.StateCount;
        var columns = new double[size * size];
        var scratch = new double[size];
        for (int j = 0; j < size; j++)
        {
            var column = columns.AsSpan(j * size, size);
            column[j] = 1;
            StateVector.ApplyBlocks(shape, weights, column, scratch);
        }
        return columns;
    }

    public void Dispose() { }

    /// <summary>xoshiro256** (Blackman &amp; Vigna): small, fast, seeded per circuit through SplitMix64.</summary>
    private struct Xoshiro256
    {
        private ulong s0, s1, s2, s3;

        public Xoshiro256(int seed, ulong stream, int circuit)
        {
            // Hash the key parts one after another so that nearby (seed, stream, circuit) do not collide.
            ulong x = (ulong)(uint)seed;
            x = SplitMix(ref x) ^ stream;
            x = SplitMix(ref x) ^ (ulong)(uint)circuit;
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

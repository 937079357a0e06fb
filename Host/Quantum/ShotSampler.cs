namespace Qtl.Quantum;

/// <summary>
/// The one shot sampler of the native engines (state vector and density matrix): multinomial draws from an
/// exact distribution. Every circuit has its own random stream keyed by (seed, call number, circuit index), so
/// results do not depend on how a batch is split over threads, and repeated calls draw fresh shots.
/// One sampler per thread: it owns its working arrays.
/// </summary>
internal sealed class ShotSampler(int size)
{
    private readonly double[] _threshold = new double[size];
    private readonly int[] _alias = new int[size], _work = new int[size];

    /// <summary>
    /// Replaces exact probabilities by the frequencies of <paramref name="shots"/> draws. Walker's
    /// alias method (Vose's construction) costs O(2^n) once and O(1) per shot, where a CDF search
    /// paid a mispredicted branch per level per shot; states of zero probability are never drawn.
    /// </summary>
    public void Draw(Span<double> probabilities, int shots, int seed, ulong call, int circuit)
    {
        var rng = new Xoshiro256(seed, call, circuit);
        Span<double> threshold = _threshold;
        int[] alias = _alias, work = _work;
        int size = probabilities.Length, likeliest = 0;
        double total = 0;
        for (int k = 0; k < size; k++)
        {
            // A density matrix's rounding can leave a probability a hair below 0; such a state is never drawn.
            if (probabilities[k] < 0) probabilities[k] = 0;
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

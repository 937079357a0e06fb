namespace Qtl.Training;

/// <summary>A fresh Fisher–Yates shuffle per epoch, seeded by (seed, epoch) only: resumable.</summary>
public sealed record SeededShuffle(int Seed, int BatchSize) : ISampler
{
    public bool Resumable => true;

    public int[] Order(int count, int epoch) => Shuffle(count, Seed, epoch);

    public static int[] Shuffle(int count, int seed, int epoch)
    {
        var rng = new Random(unchecked(seed * 7919 + epoch * 104_729 + 1));
        int[] order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}

using System.Collections.Concurrent;

namespace Qtl.Quantum;

/// <summary>Splits batch work into ranges for <see cref="Parallel"/> only when it is big enough to pay.</summary>
internal static class BatchParallel
{
    /// <summary>Below roughly this many amplitude updates, thread start-up costs more than it saves.</summary>
    private const long SerialWork = 200_000;

    public static void ForEachRange(int count, long workPerItem, Action<int, int> body)
    {
        if (count == 0) return;
        int workers = Environment.ProcessorCount;
        if (workers == 1 || count == 1 || count * Math.Max(1, workPerItem) < SerialWork)
        {
            body(0, count);
            return;
        }
        int rangeSize = Math.Max(1, count / (workers * 4));
        Parallel.ForEach(Partitioner.Create(0, count, rangeSize), range => body(range.Item1, range.Item2));
    }
}

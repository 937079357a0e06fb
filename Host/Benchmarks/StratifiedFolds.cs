namespace Qtl.Benchmarks;

/// <summary>
/// Deterministic, stratified splits of a training set: each class's samples, shuffled by the seed, are dealt to the folds
/// in turn (continuing from where the previous class stopped, so fold sizes differ by at most one), and a seeded draw of
/// a fixed number of samples per class for the learning curves.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>The fold (0 to <paramref name="folds"/> − 1) of every sample.</summary>
    public static int[] Assign(IReadOnlyList<int> labels, int folds, int seed)
    {
        var fold = new int[labels.Count];
        int next = 0;
        foreach (int[] members in ByClass(labels, seed))
            foreach (int i in members) fold[i] = next++ % folds;
        return fold;
    }

    /// <summary>
    /// <paramref name="perClass"/> samples of each class (all with null), chosen with <paramref name="seed"/>, in their
    /// original order. A class with fewer samples is a user error naming it.
    /// </summary>
    public static int[] Draw(IReadOnlyList<int> labels, IReadOnlyList<string> classNames, int? perClass, int seed)
    {
        if (perClass is not int size) return [.. Enumerable.Range(0, labels.Count)];
        var keep = new List<int>();
        foreach (int[] members in ByClass(labels, seed))
        {
            if (members.Length < size)
                throw new UserError($"size {size} per class: class '{classNames[labels[members[0]]]}' has {members.Length} training samples; allowed sizes: up to the smallest class's count, or all.");
            keep.AddRange(members.Take(size));
        }
        keep.Sort();
        return [.. keep];
    }

    /// <summary>Each class present (in label order), its sample indices shuffled by (seed, class).</summary>
    private static IEnumerable<int[]> ByClass(IReadOnlyList<int> labels, int seed) =>
        Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g =>
        {
            int[] members = [.. g];
            new Random(unchecked(seed * 1_000_003 + g.Key * 7_919 + 17)).Shuffle(members);
            return members;
        });
}

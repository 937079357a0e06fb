namespace Qtl.Benchmarks;

/// <summary>
/// Every cell of a protocol in one canonical order (size, model, setting, fold; then size, model, seed), and the share of
/// a shard: cross-validation cell j belongs to shard j mod n. Test cells depend on the cross-validation choice, so they
/// run where every cross-validation cell is at hand: in an unsharded run after its search, or in <c>benchmark merge</c>.
/// </summary>
public static class CellPlan
{
    public static IReadOnlyList<CellKey> CvCells(BenchmarkOptions o) =>
        [.. from size in o.Sizes
            from model in o.Models
            from setting in Enumerable.Range(0, o.Grids[model].Settings.Count)
            from fold in Enumerable.Range(0, o.Folds)
            select CellKey.Cv(size, model, setting, fold)];

    /// <param name="choice">The setting cross-validation chose, per (size, model).</param>
    public static IReadOnlyList<CellKey> TestCells(BenchmarkOptions o, Func<int?, BenchmarkModel, int> choice) =>
        [.. from size in o.Sizes
            from model in o.Models
            from seed in Enumerable.Range(1, o.Seeds)
            select CellKey.Test(size, model, choice(size, model), seed)];

    /// <summary>The cross-validation cells of shard <paramref name="index"/> (0-based) of <paramref name="count"/>.</summary>
    public static IReadOnlyList<CellKey> Shard(IReadOnlyList<CellKey> cells, int index, int count) => [.. cells.Where((_, j) => j % count == index)];
}

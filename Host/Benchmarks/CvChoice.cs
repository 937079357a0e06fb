using Qtl.Reports;

namespace Qtl.Benchmarks;

/// <summary>
/// What cross-validation decided for one (size, model), before any test cell runs: each setting's mean fold accuracy
/// (and its spread over folds) and the chosen setting: the highest mean fold accuracy, a tie going to the first setting in
/// the grid's order.
/// </summary>
public sealed record CvChoice(int? Size, BenchmarkModel Model, IReadOnlyList<SeedStatistics> Settings, int Chosen)
{
    public double ChosenMean => Settings[Chosen].Mean;

    public static CvChoice From(int? size, BenchmarkModel model, IReadOnlyList<CellResult> cells, BenchmarkOptions o)
    {
        int count = o.Grids[model].Settings.Count;
        var stats = Enumerable.Range(0, count).Select(s =>
            SeedStatistics.Of([.. cells.Where(c => c.Key.Stage == CellStage.Cv && c.Key.Size == size && c.Key.Model == model && c.Key.Setting == s)
                .OrderBy(c => c.Key.Fold).Select(c => c.Accuracy)])).ToList();
        int best = 0;
        for (int s = 1; s < count; s++)
            if (stats[s].Mean > stats[best].Mean) best = s; // strictly: the first of equal means stays
        return new CvChoice(size, model, stats, best);
    }

    /// <summary>
    /// The classical model the quantum ones are compared with at a size: the classical choice of the highest mean fold
    /// accuracy (ties: the first in the models' order), fixed before any test accuracy exists.
    /// </summary>
    public static CvChoice BestClassical(IEnumerable<CvChoice> choices, IReadOnlyList<BenchmarkModel> order, int? size)
    {
        CvChoice? best = null;
        foreach (var model in order.Where(m => !BenchmarkModels.Of(m).IsQuantum))
        {
            var c = choices.Single(x => x.Size == size && x.Model == model);
            if (best is null || c.ChosenMean > best.ChosenMean) best = c;
        }
        return best!;
    }
}

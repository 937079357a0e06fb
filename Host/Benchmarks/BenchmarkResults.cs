namespace Qtl.Benchmarks;

/// <summary>Everything the outputs show, computed from the finished cells alone (so a merge and a run agree bit for bit).</summary>
public sealed record BenchmarkResults(BenchmarkOptions Options, string Data, IReadOnlyList<CvChoice> Choices, IReadOnlyList<BenchmarkRow> Rows,
    IReadOnlyList<CellResult> Cells, double AllPerClass)
{
    /// <summary>Every cross-validation choice; each (size, model) needs all its fold cells.</summary>
    public static IReadOnlyList<CvChoice> Choose(BenchmarkOptions o, IReadOnlyList<CellResult> cvCells) =>
        [.. from size in o.Sizes from model in o.Models select CvChoice.From(size, model, cvCells, o)];

    /// <param name="allPerClass">The mean class size of the whole training set: where 'all' sits on a learning curve.</param>
    public static BenchmarkResults From(BenchmarkOptions o, string data, IReadOnlyList<CvChoice> choices, IReadOnlyList<CellResult> cells, double allPerClass)
    {
        var rows = new List<BenchmarkRow>();
        foreach (int? size in o.Sizes)
        {
            var reference = CvChoice.BestClassical(choices, o.Models, size);
            List<CellResult> Tests(BenchmarkModel m) => [.. cells.Where(c => c.Key.Stage == CellStage.Test && c.Key.Size == size && c.Key.Model == m).OrderBy(c => c.Key.Seed)];
            var referenceCells = Tests(reference.Model);
            foreach (var model in o.Models)
            {
                var tests = Tests(model);
                var comparison = model == reference.Model ? null
                    : PairedComparison.Of([.. tests.Select(c => c.CorrectBits)], [.. referenceCells.Select(c => c.CorrectBits)], o.Margin, o.BootstrapSamples);
                rows.Add(new BenchmarkRow(size, model, choices.Single(c => c.Size == size && c.Model == model),
                    Reports.SeedStatistics.Of([.. tests.Select(c => c.Accuracy)]), reference.Model, comparison));
            }
        }
        return new BenchmarkResults(o, data, choices, rows, cells, allPerClass);
    }
}

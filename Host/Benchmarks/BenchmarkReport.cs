using Qtl.IO;
using Qtl.Reports;

namespace Qtl.Benchmarks;

/// <summary>
/// Writes a benchmark's outputs into its folder, together (a stop waits for all of them): results.csv, cells.csv,
/// results.md, report.html, and the figures (model comparison, learning curves, hyperparameter sensitivity) as SVG with
/// their data as CSV. Nothing in them depends on the time, the machine or how the cells were sharded.
/// </summary>
public static class BenchmarkReport
{
    public static readonly IReadOnlyList<string> Files = ["results.csv", "cells.csv", "results.md", "report.html"];

    public static void Write(string dir, BenchmarkResults r, IReadOnlyList<ReportSection>? extra = null)
    {
        using var together = SafePoint.Process.Enter();
        AtomicFile.WriteAllText(Path.Combine(dir, "results.csv"), BenchmarkTables.ResultsCsv(r));
        AtomicFile.WriteAllText(Path.Combine(dir, "cells.csv"), BenchmarkTables.CellsCsv(r));
        AtomicFile.WriteAllText(Path.Combine(dir, "results.md"), BenchmarkTables.Markdown(r));
        var sections = new List<ReportSection>
        {
            new SummarySection("Protocol", BenchmarkTables.ProtocolItems(r.Options)) { Note = BenchmarkTables.Protocol(r.Options) },
        };
        foreach (int? size in r.Options.Sizes) sections.Add(Table(r, size));
        sections.Add(Figure.FromChart("comparison", BenchmarkFigures.Comparison(r), dir));
        sections.Add(Figure.FromChart("learning-curves", BenchmarkFigures.LearningCurves(r), dir));
        sections.Add(Figure.FromChart("sensitivity", BenchmarkFigures.Sensitivity(r), dir,
            "Mean fold accuracy ± std over folds of every grid setting at the largest size; settings are numbered in grid order (the table below). Files: sensitivity.svg, sensitivity.csv."));
        sections.Add(SettingsTable(r));
        if (extra is not null) sections.AddRange(extra);
        ReportWriter.Write(dir, new ReportData("Benchmark: quantum vs classical with equal tuning", r.Data, sections)
        {
            Provenance = $"{r.Cells.Count} cells (cells.csv)",
        });
    }

    private static TableSection Table(BenchmarkResults r, int? size)
    {
        var rows = r.Rows.Where(x => x.Size == size).Select(x =>
        {
            var c = x.Comparison;
            return (IReadOnlyList<string>)[BenchmarkModels.Of(x.Model).Label, r.Options.Grids[x.Model].Settings[x.Choice.Chosen].Describe(BenchmarkModels.Of(x.Model).CapacityName),
                Pct(x.Choice.ChosenMean), $"{Pct(x.Test.Mean)} ± {Pct(x.Test.Std)}", c is null ? "reference" : Points.Signed(c.Difference.Mean) + " " + Points.Interval(c.Difference.Low, c.Difference.High),
                c is null ? "–" : Points.Interval(c.BootstrapLow, c.BootstrapHigh), c is null ? "–" : c.Describe(r.Options.Margin)];
        }).ToList();
        return new TableSection($"Size {BenchmarkOptions.SizeText(size)} (per class)",
            ["model", "setting (CV)", "CV acc %", "test acc %", "− reference, pp (95 % t)", "bootstrap, pp", "verdict"], rows)
        {
            Note = $"Reference: {BenchmarkModels.Of(r.Rows.First(x => x.Size == size).Reference).Label}, the best classical model by cross-validation.",
        };
    }

    private static TableSection SettingsTable(BenchmarkResults r) => new("Grid settings", ["model", "#", "setting"],
        [.. r.Options.Models.SelectMany(m => r.Options.Grids[m].Settings.Select((s, i) =>
            (IReadOnlyList<string>)[BenchmarkModels.Of(m).Label, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), s.Describe(BenchmarkModels.Of(m).CapacityName)]))]);

    private static string Pct(double v) => (100 * v).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Qtl.Benchmarks;

/// <summary>The benchmark's figures, drawn by the product's charts (ScottPlot): comparison bars, learning curves, grid sensitivity.</summary>
public static class BenchmarkFigures
{
    /// <summary>Test accuracy, mean ± std over seeds, per size and model.</summary>
    public static ChartSpec Comparison(BenchmarkResults r)
    {
        var bars = r.Rows.Select(x => new BarValue(SizeLabel(x.Size), BenchmarkModels.Of(x.Model).Label, x.Test.Mean, x.Test.Std)).ToList();
        return Chart.GroupedBars(bars, $"Test accuracy, mean ± std over {r.Options.Seeds} seed(s)", "test accuracy", "training samples per class", TransferBenchmarkReport.Baseline(bars));
    }

    /// <summary>Test accuracy against training samples per class ('all' at the training set's mean class size).</summary>
    public static ChartSpec LearningCurves(BenchmarkResults r)
    {
        var points = r.Rows.Select(x => new ErrorPoint(BenchmarkModels.Of(x.Model).Label, PerClass(r, x), x.Test.Mean, x.Test.Std)).ToList();
        return Chart.ErrorBarLines(points, "Learning curves: test accuracy by training-set size", "training samples per class", "test accuracy", logX: r.Options.Sizes.Count > 1);
    }

    /// <summary>Mean fold accuracy of every grid setting at the largest size.</summary>
    public static ChartSpec Sensitivity(BenchmarkResults r)
    {
        int? largest = r.Options.Sizes.Contains(null) ? null : r.Options.Sizes.Max();
        var bars = r.Choices.Where(c => c.Size == largest).SelectMany(c => c.Settings.Select((s, i) =>
            new BarValue(BenchmarkModels.Of(c.Model).Label, $"#{i + 1}", s.Mean, s.Std))).ToList();
        return Chart.GroupedBars(bars, $"Hyperparameter sensitivity: cross-validation accuracy per setting (size {BenchmarkOptions.SizeText(largest)})", "mean fold accuracy", "model", TransferBenchmarkReport.Baseline(bars));
    }

    private static string SizeLabel(int? size) => size is int s ? s.ToString(CultureInfo.InvariantCulture) : "all";

    private static double PerClass(BenchmarkResults r, BenchmarkRow row) => row.Size ?? r.AllPerClass;
}

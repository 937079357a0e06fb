using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>
/// Bars of mean per model side by side within each group, colour = model, dark ±std error bars. Bars rise
/// from <c>baseline</c> (0 unless a caller zooms in on values that all lie far above it, e.g. accuracies of 80–99 %).
/// </summary>
internal static class BarChart
{
    public static ChartSpec Create(IEnumerable<BarValue> bars, string title, string yTitle, string? groupTitle, double baseline = 0)
    {
        ChartStyle.Finite(baseline, "baseline");
        var list = bars.ToList();
        foreach (var b in list)
        {
            ChartStyle.Finite(b.Mean, $"mean of {b.Group}/{b.Model}");
            ChartStyle.Finite(b.Std, $"std of {b.Group}/{b.Model}");
            if (b.Std < 0) throw new ArgumentException($"std of {b.Group}/{b.Model} is {b.Std}; a standard deviation cannot be negative.", nameof(bars));
        }
        ChartStyle.NotEmpty(list, "bars");
        var rows = list.Select(b => (IReadOnlyList<string>)[b.Group, b.Model, ChartStyle.Number(b.Mean), ChartStyle.Number(b.Std)]).ToList();
        var groups = ChartStyle.InOrder(list.Select(b => b.Group));
        var models = ChartStyle.InOrder(list.Select(b => b.Model));
        // Each group is wide enough for its bars and for its label, so long group names never overlap.
        int group = Math.Max((models.Count + 1) * 28, (int)groups.Max(g => ChartFonts.Measure(g, ChartStyle.LegendSize)) + 24);
        int width = Math.Max(620, 160 + groups.Count * group + (int)models.Max(m => ChartFonts.Measure(m, ChartStyle.LegendSize)));
        return new ChartSpec(title, width, 340, ["group", "model", "mean", "std"], rows, plot => Draw(plot, list, groups, models, yTitle, groupTitle, baseline));
    }

    private static void Draw(Plot plot, List<BarValue> bars, List<string> groups, List<string> models, string yTitle, string? groupTitle, double baseline)
    {
        int m = models.Count;
        var dark = Color.FromHex("#333333");
        var drawn = bars.Select(b => new Bar
        {
            Position = groups.IndexOf(b.Group) * (m + 1) + models.IndexOf(b.Model),
            Value = b.Mean,
            ValueBase = baseline,
            FillColor = ChartStyle.SeriesColor(models.IndexOf(b.Model)),
            LineWidth = 0,
            Size = 0.85,
        }).ToList();
        plot.Add.Bars(drawn);
        // A Bar draws its error with its outline's style; a separate error-bar plottable keeps bars borderless.
        var withError = drawn.Zip(bars).Where(x => x.Second.Std > 0).ToList();
        if (withError.Count > 0)
        {
            var errors = plot.Add.ErrorBar(withError.Select(x => x.First.Position).ToList(), withError.Select(x => x.First.Value).ToList(), withError.Select(x => x.Second.Std).ToList());
            errors.Color = dark;
            errors.LineWidth = 1.5f;
            errors.CapSize = 8;
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int g = 0; g < groups.Count; g++) ticks.AddMajor(g * (m + 1) + (m - 1) / 2.0, groups[g]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        ChartStyle.Axes(plot, groupTitle, yTitle);
        double low = Math.Min(baseline, bars.Min(b => b.Mean - b.Std)), high = Math.Max(baseline, bars.Max(b => b.Mean + b.Std));
        double pad = (high - low) * 0.06;
        plot.Axes.SetLimits(-0.8, groups.Count * (m + 1) - 1.2, low < baseline ? low - pad : baseline, high + pad);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        ChartStyle.Legend(plot, models.Select((name, i) => ChartStyle.BoxItem(name, ChartStyle.SeriesColor(i))));
    }
}

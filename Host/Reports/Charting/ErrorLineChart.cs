using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>Mean ± std against x per series, x linear or log10 (ScottPlot has no log axis: x is plotted as log10 x with decade ticks).</summary>
internal static class ErrorLineChart
{
    public static ChartSpec Create(IEnumerable<ErrorPoint> points, string title, string xTitle, string yTitle, bool logX)
    {
        var list = points.ToList();
        foreach (var p in list)
        {
            ChartStyle.Finite(p.X, $"x of series '{p.Series}'");
            ChartStyle.Finite(p.Mean, $"mean of series '{p.Series}' at x = {p.X}");
            ChartStyle.Finite(p.Std, $"std of series '{p.Series}' at x = {p.X}");
            if (logX && p.X <= 0) throw new ArgumentException($"a log x axis needs x > 0; series '{p.Series}' has x = {p.X}.", nameof(points));
            if (p.Std < 0) throw new ArgumentException($"std of series '{p.Series}' at x = {p.X} is {p.Std}; a standard deviation cannot be negative.", nameof(points));
        }
        ChartStyle.NotEmpty(list, "points");
        var rows = list.Select(p => (IReadOnlyList<string>)[p.Series, ChartStyle.Number(p.X), ChartStyle.Number(p.Mean), ChartStyle.Number(p.Std)]).ToList();
        return new ChartSpec(title, 720, 370, ["series", "x", "mean", "std"], rows, plot => Draw(plot, list, xTitle, yTitle, logX));
    }

    private static void Draw(Plot plot, List<ErrorPoint> points, string xTitle, string yTitle, bool logX)
    {
        var series = ChartStyle.InOrder(points.Select(p => p.Series));
        Func<double, double> x = logX ? Math.Log10 : v => v;
        for (int s = 0; s < series.Count; s++)
        {
            var ps = points.Where(p => p.Series == series[s]).OrderBy(p => p.X).ToList();
            var color = ChartStyle.SeriesColor(s);
            plot.Add.Plottable(new SeriesLine(ps.Select(p => x(p.X)).ToArray(), ps.Select(p => p.Mean).ToArray(), color, SplitStyle.For(0)));
            var withError = ps.Where(p => p.Std > 0).ToList();
            if (withError.Count == 0) continue;
            var bars = plot.Add.ErrorBar(withError.Select(p => x(p.X)).ToList(), withError.Select(p => p.Mean).ToList(), withError.Select(p => p.Std).ToList());
            bars.Color = color;
            bars.LineWidth = 1.5f;
            bars.CapSize = 6;
        }
        ChartStyle.Axes(plot, xTitle, yTitle);
        plot.Axes.AutoScale();
        if (logX) LogTicks(plot, points.Min(p => Math.Log10(p.X)), points.Max(p => Math.Log10(p.X)));
        ChartStyle.Legend(plot, series.Select((name, i) => ChartStyle.LineItem(name, ChartStyle.SeriesColor(i))));
    }

    /// <summary>Whole decades labelled with their value (0.001, 100), 2–9 × each decade as minor ticks; the axis spans whole decades.</summary>
    private static void LogTicks(Plot plot, double min, double max)
    {
        int first = (int)Math.Floor(min), last = (int)Math.Ceiling(max);
        if (first == last) (first, last) = (first - 1, last + 1);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int d = first; d <= last; d++)
        {
            ticks.AddMajor(d, Math.Pow(10, d).ToString("G", System.Globalization.CultureInfo.InvariantCulture));
            if (d < last)
                for (int m = 2; m <= 9; m++) ticks.AddMinor(d + Math.Log10(m));
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        double pad = (last - first) * 0.03;
        plot.Axes.SetLimitsX(first - pad, last + pad);
    }
}

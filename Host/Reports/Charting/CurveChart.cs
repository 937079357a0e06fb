using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>Metric per epoch: colour = model, line style = split (first split solid, the others dashed, open markers).</summary>
internal static class CurveChart
{
    public static ChartSpec Create(IEnumerable<Curve> curves, string title, string yTitle, bool percent)
    {
        var list = curves.ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in list)
            for (int e = 0; e < c.Values.Count; e++)
            {
                ChartStyle.Finite(c.Values[e], $"{c.Model}/{c.Split} epoch {e + 1}");
                rows.Add([c.Model, c.Split, (e + 1).ToString(), ChartStyle.Number(c.Values[e])]);
            }
        ChartStyle.NotEmpty(rows, "curves");
        return new ChartSpec(title, 760, 370, ["model", "split", "epoch", "value"], rows, plot => Draw(plot, list, yTitle, percent));
    }

    private static void Draw(Plot plot, List<Curve> curves, string yTitle, bool percent)
    {
        var models = ChartStyle.InOrder(curves.Select(c => c.Model));
        var splits = ChartStyle.InOrder(curves.Select(c => c.Split));
        foreach (var c in curves.Where(c => c.Values.Count > 0))
        {
            double[] epochs = Enumerable.Range(1, c.Values.Count).Select(e => (double)e).ToArray();
            plot.Add.Plottable(new SeriesLine(epochs, c.Values.ToArray(), ChartStyle.SeriesColor(models.IndexOf(c.Model)), SplitStyle.For(splits.IndexOf(c.Split))));
        }
        ChartStyle.Axes(plot, "epoch", yTitle);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.AutoScale();
        if (percent)
        {
            plot.Axes.SetLimitsY(-0.03, 1.03);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => $"{v * 100:0}%" };
        }
        var legend = models.Select((m, i) => ChartStyle.LineItem(m, ChartStyle.SeriesColor(i))).ToList();
        if (splits.Count > 1 || models.Count > 1)
            legend.AddRange(splits.Select((s, i) =>
            {
                var style = SplitStyle.For(i);
                return ChartStyle.LineItem($"{s} ({style.Name})", Colors.DimGray, line: style.Dash is null, openMarker: style.OpenMarkers);
            }));
        ChartStyle.Legend(plot, legend);
    }
}

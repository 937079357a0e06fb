using System.Globalization;
using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>What every chart shares: colours, legend entries, axis fonts, number formats and input checks.</summary>
internal static class ChartStyle
{
    public const float AxisLabelSize = 13, TickLabelSize = 12, LegendSize = 12;
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static Color SeriesColor(int index) => Palette.GetColor(index);

    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Axis titles and tick labels at readable sizes; light grid.</summary>
    public static void Axes(Plot plot, string? xTitle, string? yTitle)
    {
        if (xTitle is not null) plot.XLabel(xTitle, AxisLabelSize);
        if (yTitle is not null) plot.YLabel(yTitle, AxisLabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickLabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickLabelSize;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
    }

    /// <summary>A legend entry drawn as a line with a circle marker.</summary>
    public static LegendItem LineItem(string label, Color color, bool line = true, bool openMarker = false) => new()
    {
        LabelText = label,
        LineColor = color,
        LineWidth = line ? SeriesLine.Width : 0,
        MarkerShape = openMarker ? MarkerShape.OpenCircle : MarkerShape.FilledCircle,
        MarkerFillColor = color,
        MarkerLineColor = color,
        MarkerSize = 7,
    };

    /// <summary>A legend entry drawn as a filled box.</summary>
    public static LegendItem BoxItem(string label, Color color) => new() { LabelText = label, FillColor = color, LineWidth = 0 };

    /// <summary>Shows <paramref name="items"/> in a legend to the right of the data area.</summary>
    public static void Legend(Plot plot, IEnumerable<LegendItem> items)
    {
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.ShowLegend(Edge.Right);
    }

    public static double Finite(double v, string what) =>
        double.IsFinite(v) ? v : throw new ArgumentException($"{what} is {v}; chart values must be finite numbers.");

    public static void NotEmpty<T>(IReadOnlyCollection<T> values, string what)
    {
        if (values.Count == 0) throw new ArgumentException($"no {what} to plot; at least one value is needed.", what);
    }

    /// <summary>Names in order of first appearance (legend and colour order follow the caller's order).</summary>
    public static List<string> InOrder(IEnumerable<string> names) => names.Distinct().ToList();
}

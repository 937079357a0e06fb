using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>
/// Confusion matrix as one rectangle per cell (vector, so it stays crisp at any zoom, unlike a heatmap
/// bitmap), shaded by count, with the count written in it: white digits on dark cells.
/// </summary>
internal static class ConfusionChart
{
    public static ChartSpec Create(int[][] counts, IReadOnlyList<string> classNames, string title)
    {
        int k = classNames.Count;
        if (counts.Length != k || counts.Any(row => row.Length != k))
            throw new ArgumentException($"the matrix is {counts.Length}×{(counts.Length == 0 ? 0 : counts.Max(row => row.Length))} but there are {k} class names; it must be {k}×{k}.", nameof(counts));
        if (k == 0) throw new ArgumentException("no classes to plot; at least one class name is needed.", nameof(classNames));
        if (classNames.Distinct().Count() != k)
            throw new ArgumentException("class names must be distinct; cells are keyed by name.", nameof(classNames));
        var rows = new List<IReadOnlyList<string>>();
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++)
            {
                if (counts[t][p] < 0) throw new ArgumentException($"count [{t},{p}] is negative ({counts[t][p]}).", nameof(counts));
                rows.Add([classNames[t], classNames[p], counts[t][p].ToString()]);
            }
        var copy = counts.Select(row => row.ToArray()).ToArray();
        var names = classNames.ToArray();
        int side = Math.Clamp(56 * k, 220, 560);
        float label = names.Max(n => ChartFonts.Measure(n, ChartStyle.TickLabelSize));
        // Names wider than a cell are turned 45° so they never run into each other.
        bool turn = label > side / (double)k - 6;
        float below = turn ? label * 0.75f + 30 : 24;
        var padding = new PixelPadding(left: label + 48, right: 110, bottom: below + 34, top: 44);
        int width = (int)(side + padding.Left + padding.Right), height = (int)(side + padding.Top + padding.Bottom);
        return new ChartSpec(title, width, height, ["true", "predicted", "count"], rows, plot => Draw(plot, copy, names, padding, turn, below));
    }

    private static void Draw(Plot plot, int[][] counts, string[] names, PixelPadding padding, bool turn, float below)
    {
        int k = names.Length, max = counts.Max(row => row.Max());
        var shades = CountShades.Create(max);
        float digits = k > 8 ? 10 : 13;
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++)
            {
                int c = counts[t][p];
                double y = k - 1 - t; // first class on top
                var cell = plot.Add.Rectangle(p - 0.5, p + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = shades.ForCount(c);
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
                var text = plot.Add.Text(c.ToString(), p, y);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = digits;
                text.LabelFontColor = shades.IsDark(c) ? Colors.White : Color.FromHex("#1b1b1b");
            }
        ChartStyle.Axes(plot, "predicted class", "true class");
        var x = new ScottPlot.TickGenerators.NumericManual();
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < k; i++)
        {
            x.AddMajor(i, names[i]);
            yTicks.AddMajor(k - 1 - i, names[i]);
        }
        plot.Axes.Bottom.TickGenerator = x;
        plot.Axes.Left.TickGenerator = yTicks;
        if (turn)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
        plot.Axes.Bottom.MinimumSize = below;
        plot.Axes.Bottom.MajorTickStyle.Length = 4;
        var bar = plot.Add.ColorBar(shades, Edge.Right);
        bar.Label = "count";
        bar.LabelStyle.FontSize = ChartStyle.AxisLabelSize;
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Layout.Fixed(padding);
    }
}

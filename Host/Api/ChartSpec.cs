using Qtl.Reports.Charting;
using ScottPlot;

namespace Qtl;

/// <summary>
/// A figure ready to draw: its title, size, the plotted data as a table (written as CSV beside the SVG so
/// anyone can re-plot it) and how to draw it. <see cref="ToPlot"/> gives a ScottPlot <see cref="Plot"/>
/// to restyle or save in another format; <see cref="Chart.Render"/> turns it into SVG.
/// </summary>
public sealed class ChartSpec
{
    private readonly Action<Plot> _draw;

    internal ChartSpec(string title, int width, int height, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, Action<Plot> draw)
    {
        Title = title;
        Width = width;
        Height = height;
        Columns = columns;
        Rows = rows;
        _draw = draw;
    }

    public string Title { get; }

    /// <summary>Size of the SVG in pixels (CSS scales it down on narrow screens).</summary>
    public int Width { get; }
    public int Height { get; }

    /// <summary>The plotted data: column names, then one row per plotted value, numbers in invariant culture.</summary>
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>A new ScottPlot plot of this figure; without the title when a page heading already carries it.</summary>
    public Plot ToPlot(bool withTitle = true)
    {
        var plot = ChartFonts.NewPlot();
        _draw(plot);
        if (withTitle && Title.Length > 0) plot.Title(Title, 15);
        return plot;
    }

    /// <summary>The plotted data as CSV (RFC 4180).</summary>
    public string ToCsv() => CsvText.Format(Columns, Rows);
}

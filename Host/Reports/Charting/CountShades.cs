using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>
/// White-to-dark-blue shading for counts 0..max, used by the confusion matrix's cells and by its colour bar.
/// ScottPlot's Blues runs dark to light; the lightest 8 % is skipped so an empty cell still reads as a cell.
/// </summary>
internal sealed class CountShades(int max) : IColormap, IHasColorAxis
{
    private static readonly ScottPlot.Colormaps.Blues Blues = new();

    public string Name => "counts (Blues)";
    public IColormap Colormap { get; set; } = null!;

    public Color GetColor(double position) => Blues.GetColor(0.92 * (1 - Math.Clamp(position, 0, 1)));

    public Color ForCount(int count) => GetColor(max == 0 ? 0 : (double)count / max);

    /// <summary>Counts above 55 % of the largest sit on dark cells and are written in white.</summary>
    public bool IsDark(int count) => count > max * 0.55;

    public ScottPlot.Range GetRange() => new(0, Math.Max(max, 1));

    public static CountShades Create(int max)
    {
        var shades = new CountShades(max);
        shades.Colormap = shades;
        return shades;
    }
}

using ScottPlot;
using SkiaSharp;

namespace Qtl.Reports.Charting;

/// <summary>
/// The font every figure uses, shipped inside the assembly (assets/fonts/DejaVuSans.ttf): on a machine
/// without system fonts ScottPlot would otherwise drop all text without a word.
/// </summary>
internal static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    /// <summary>What a browser uses when the SVG's reader lacks DejaVu Sans (Verdana has similar metrics).</summary>
    public const string CssFamily = "'DejaVu Sans', Verdana, Arial, sans-serif";

    private static readonly Lazy<SKTypeface> Embedded = new(Load);
    private static readonly object Gate = new();
    private static bool registered;

    public static SKTypeface Typeface => Embedded.Value;

    /// <summary>A new plot whose text uses the shipped font; registers it with ScottPlot on first use.</summary>
    public static Plot NewPlot()
    {
        lock (Gate)
        {
            if (!registered)
            {
                Fonts.FontResolvers.Insert(0, new Resolver());
                Fonts.Default = Family;
                Fonts.Sans = Family;
                registered = true;
            }
        }
        return new Plot();
    }

    /// <summary>The width in pixels of <paramref name="text"/> at <paramref name="size"/>, for laying out boxes and margins.</summary>
    public static float Measure(string text, float size)
    {
        using var font = new SKFont(Typeface, size);
        return font.MeasureText(text);
    }

    private static SKTypeface Load()
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream("Qtl.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("the font resource Qtl.Fonts.DejaVuSans.ttf is missing from the assembly; the build embeds assets/fonts/DejaVuSans.ttf.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException("the embedded DejaVuSans.ttf could not be read as a font.");
    }

    /// <summary>Answers for the shipped family only (any weight: one regular face is shipped), so other names still reach the system.</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? Typeface : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? Typeface : null;
    }
}

using System.Globalization;
using System.Xml.Linq;
using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>
/// ScottPlot's SVG made fit for inlining in HTML: no XML prolog, a viewBox so it scales with CSS,
/// text nodes without the indentation Skia writes into them, a font fallback for readers without
/// DejaVu Sans, and bitmaps (heatmaps) drawn pixelated instead of blurred.
/// </summary>
internal static class SvgExport
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static string ToSvg(Plot plot, int width, int height, string cssClass, string label)
    {
        var doc = XDocument.Parse(plot.GetSvgXml(width, height));
        var svg = doc.Root ?? throw new InvalidOperationException("ScottPlot returned an SVG without a root element.");
        svg.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        svg.SetAttributeValue("class", cssClass);
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-label", label);
        foreach (var text in svg.Descendants(Ns + "text"))
        {
            text.Value = text.Value.Trim();
            if (text.Attribute("font-family") is { } family && family.Value == ChartFonts.Family)
                family.Value = ChartFonts.CssFamily;
        }
        foreach (var image in svg.Descendants(Ns + "image"))
            image.SetAttributeValue("style", "image-rendering: pixelated");
        return svg.ToString(SaveOptions.DisableFormatting);
    }
}

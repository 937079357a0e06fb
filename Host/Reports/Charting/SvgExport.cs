using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using System.Xml.Linq;
using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>
/// ScottPlot's SVG made fit for inlining in HTML: no XML prolog, a viewBox so it scales with CSS,
/// text nodes without the indentation Skia writes into them, a font fallback for readers without
/// DejaVu Sans, bitmaps (heatmaps) drawn pixelated instead of blurred, and ids that depend on the figure only.
/// </summary>
internal static partial class SvgExport
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
        return StableIds(svg);
    }

    /// <summary>
    /// Skia numbers clip paths from a counter of the process, so the same figure drawn twice differed. Ids are renumbered
    /// in document order under a prefix from the figure's content: the same figure gives the same bytes, and figures
    /// inlined in one page still never share an id.
    /// </summary>
    private static string StableIds(XElement svg)
    {
        var ids = svg.DescendantsAndSelf().Select(e => e.Attribute("id")).OfType<XAttribute>().ToList();
        var names = ids.Select(id => id.Value).Distinct().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => Placeholder + p.i);
        foreach (var id in ids) id.Value = names[id.Value];
        foreach (var attribute in svg.DescendantsAndSelf().SelectMany(e => e.Attributes()))
            attribute.Value = Reference().Replace(attribute.Value, m => names.TryGetValue(m.Groups[1].Value, out var name) ? "#" + name : m.Value);
        string text = svg.ToString(SaveOptions.DisableFormatting);
        string prefix = "f" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10] + "-";
        return text.Replace(Placeholder, prefix);
    }

    /// <summary>A reference to an id: <c>url(#id)</c> or <c>href="#id"</c> (colours such as #1F77B4 name no id and are kept).</summary>
    [GeneratedRegex(@"#([A-Za-z_][\w\-]*)")]
    private static partial Regex Reference();

    private const string Placeholder = "__qtl_id_";
}

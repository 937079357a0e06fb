using System.Globalization;
using System.Net;
using System.Text;
using Qtl.Data;
using Qtl.IO;

namespace Qtl.Reports;

/// <summary>
/// Writes a report as one self-contained HTML file: inline CSS, inline SVG figures and
/// images as PNG data URIs, no scripts and no external resources, so it can be mailed,
/// archived or opened offline and still look the same.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes <c>report.html</c> into <paramref name="dir"/> atomically (temp file + rename); returns its path.</summary>
    public static string Write(string dir, ReportData data)
    {
        string path = Path.Combine(dir, "report.html");
        AtomicFile.WriteAllText(path, Html(data));
        return path;
    }

    /// <summary>The whole page as a string.</summary>
    public static string Html(ReportData data)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append("<title>").Append(E(data.Title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
         .Append("<header><h1>").Append(E(data.Title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(data.Subtitle)) h.Append("<p class=\"subtitle\">").Append(E(data.Subtitle)).Append("</p>");
        h.Append("</header>\n");
        if (data.Sections.Count > 2)
        {
            h.Append("<nav><ol>");
            for (int i = 0; i < data.Sections.Count; i++)
                h.Append("<li><a href=\"#s").Append(i + 1).Append("\">").Append(E(data.Sections[i].Title)).Append("</a></li>");
            h.Append("</ol></nav>\n");
        }
        for (int i = 0; i < data.Sections.Count; i++) Section(h, data.Sections[i], i + 1);
        h.Append("<footer>Generated ").Append(data.Provenance is { } from ? "from " + E(from) : DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
         .Append(" by qtl-qsharp.</footer>\n</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Section(StringBuilder h, ReportSection section, int number)
    {
        h.Append("<section id=\"s").Append(number).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
        if (!string.IsNullOrWhiteSpace(section.Note)) h.Append("<p class=\"note\">").Append(E(section.Note)).Append("</p>\n");
        switch (section)
        {
            case SummarySection s:
                h.Append("<table class=\"summary\"><tbody>");
                foreach (var (key, value) in s.Items) h.Append("<tr><th scope=\"row\">").Append(E(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
                h.Append("</tbody></table>\n");
                break;
            case TableSection t:
                h.Append("<div class=\"scroll\"><table class=\"data\"><thead><tr>");
                foreach (string head in t.Headers) h.Append("<th>").Append(E(head)).Append("</th>");
                h.Append("</tr></thead><tbody>");
                foreach (var row in t.Rows)
                {
                    h.Append("<tr>");
                    foreach (string cell in row) h.Append(IsNumber(cell) ? "<td class=\"num\">" : "<td>").Append(E(cell)).Append("</td>");
                    h.Append("</tr>");
                }
                h.Append("</tbody></table></div>\n");
                break;
            case FigureSection f:
                h.Append("<figure><div class=\"scroll\">").Append(InlineSvg(f.Svg)).Append("</div><figcaption>").Append(E(f.Caption)).Append("</figcaption></figure>\n");
                break;
            case PredictionsSection p:
                h.Append("<div class=\"grid\">");
                foreach (var pr in p.Predictions)
                {
                    h.Append("<div class=\"card ").Append(pr.Correct ? "ok" : "bad").Append("\"><img alt=\"").Append(E(pr.Image.Name))
                     .Append("\" width=\"").Append(DisplaySize(pr.Image).W).Append("\" height=\"").Append(DisplaySize(pr.Image).H)
                     .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(Png.Encode(pr.Image))).Append("\">")
                     .Append("<div class=\"pred\">").Append(E(p.ClassNames[pr.Predicted])).Append(" <span>")
                     .Append(pr.Probability.ToString("0.00", CultureInfo.InvariantCulture)).Append("</span></div>")
                     .Append("<div class=\"truth\">true: ").Append(E(p.ClassNames[pr.Image.Label])).Append("</div></div>");
                }
                int correct = p.Predictions.Count(x => x.Correct);
                h.Append("</div>\n<p class=\"note\">").Append(correct).Append(" of ").Append(p.Predictions.Count)
                 .Append(" correct. Green: prediction matches the true class; red: it does not. The number is the predicted class's probability.</p>\n");
                break;
            case TextSection x:
                h.Append("<pre>").Append(E(x.Text)).Append("</pre>\n");
                break;
            default:
                throw new ArgumentException($"unknown section type {section.GetType().Name}.", nameof(section));
        }
        h.Append("</section>\n");
    }

    /// <summary>Drops any XML prolog so the SVG can sit inside HTML.</summary>
    private static string InlineSvg(string svg)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException("a figure's SVG must contain an <svg> element.", nameof(svg));
        return svg[start..];
    }

    /// <summary>Small images (28×28 FashionMNIST) are shown enlarged, large ones shrunk, to about 112 px.</summary>
    private static (int W, int H) DisplaySize(SampleImage image)
    {
        double scale = 112.0 / Math.Max(image.Width, image.Height);
        return ((int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale));
    }

    private static bool IsNumber(string s) => double.TryParse(s.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Css = """

        :root { color-scheme: light; --ink: #1d2330; --muted: #5b6474; --line: #dde2ea; --accent: #2d5b8a; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f4f6f9; color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
        header h1 { margin: 0 0 .25rem; font-size: 1.9rem; line-height: 1.2; }
        .subtitle { margin: 0; color: var(--muted); font-size: 1.05rem; }
        nav { margin: 1.25rem 0; font-size: .92rem; }
        nav ol { margin: 0; padding-left: 1.4rem; columns: 2 14rem; }
        nav a { color: var(--accent); text-decoration: none; }
        section { background: white; border: 1px solid var(--line); border-radius: 8px; padding: 1.1rem 1.4rem 1.3rem; margin: 1.25rem 0; }
        h2 { margin: 0 0 .6rem; font-size: 1.25rem; }
        .note { color: var(--muted); font-size: .93rem; margin: .3rem 0 .8rem; }
        table { border-collapse: collapse; font-size: .94rem; }
        th, td { padding: .35rem .75rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        table.summary th { color: var(--muted); font-weight: 600; white-space: nowrap; }
        table.data thead th { border-bottom: 2px solid #b9c2cf; }
        table.data tbody tr:nth-child(even) { background: #f8fafc; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .scroll { overflow-x: auto; }
        figure { margin: 0; text-align: center; }
        figure svg { max-width: 100%; height: auto; }
        figure svg.circuit { min-width: 600px; } /* wide circuits scroll on phones rather than shrink to unreadable */
        figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(132px, 1fr)); gap: .75rem; }
        .card { border: 2px solid; border-radius: 6px; padding: .5rem; text-align: center; font-size: .85rem; line-height: 1.3; }
        .card.ok { border-color: #3a9a5b; background: #f1faf4; }
        .card.bad { border-color: #c9453c; background: #fdf1f0; }
        .card img { display: block; margin: 0 auto .35rem; image-rendering: pixelated; background: #000; max-width: 100%; height: auto; }
        .pred { font-weight: 600; overflow-wrap: anywhere; }
        .pred span { font-weight: 400; color: var(--muted); }
        .truth { color: var(--muted); overflow-wrap: anywhere; }
        pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; overflow-x: auto; font-size: .85rem; line-height: 1.45; }
        @media (max-width: 600px) { main { padding: 1rem .6rem 2rem; } section { padding: .9rem .8rem 1rem; } header h1 { font-size: 1.5rem; } }
        footer { color: var(--muted); font-size: .8rem; text-align: center; margin-top: 2rem; }

        """;
}

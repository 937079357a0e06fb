namespace Qtl.Notebooks;

/// <summary>
/// An SVG image for a notebook: a cell whose value is an <see cref="Svg"/> (or a string that is SVG markup)
/// gets an <c>image/svg+xml</c> output. <see cref="ToString"/> returns the markup, so in .NET Interactive
/// <c>display(HTML(svg.ToString()))</c> shows it too.
/// </summary>
public sealed record Svg(string Markup)
{
    /// <summary>True when <paramref name="text"/> looks like an SVG document (optionally after an XML declaration).</summary>
    public static bool IsSvg(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.AsSpan().TrimStart();
        if (t.StartsWith("<?xml", StringComparison.Ordinal))
        {
            int end = t.IndexOf("?>", StringComparison.Ordinal);
            if (end < 0) return false;
            t = t[(end + 2)..].TrimStart();
        }
        return t.StartsWith("<svg", StringComparison.Ordinal) && text.TrimEnd().EndsWith("</svg>", StringComparison.Ordinal);
    }

    public override string ToString() => Markup;
}

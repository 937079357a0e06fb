using System.Globalization;

namespace Qtl.Reports;

/// <summary>Accuracy differences as signed percentage points, one decimal, the way every table writes them.</summary>
public static class Points
{
    /// <summary>
    /// "+1.2", "-0.4"; a difference that rounds to zero keeps its sign ("+0.0", "-0.0"). (.NET's "+0.0;-0.0" alone
    /// writes a negative that rounds to zero as "-+0.0".)
    /// </summary>
    public static string Signed(double fraction)
    {
        string text = (100 * fraction).ToString("+0.0;-0.0", CultureInfo.InvariantCulture);
        return text.StartsWith("-+", StringComparison.Ordinal) ? "-" + text[2..] : text;
    }

    /// <summary>An interval of differences, "[-1.2, +0.4]"; "–" when it is undefined (NaN: too few seeds).</summary>
    public static string Interval(double low, double high) => double.IsNaN(low) ? "–" : $"[{Signed(low)}, {Signed(high)}]";
}

using System.Text;

namespace Qtl.Reports.Charting;

/// <summary>RFC 4180 CSV: a header line, then one line per row; fields with commas, quotes or line breaks are quoted.</summary>
internal static class CsvText
{
    public static string Format(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var s = new StringBuilder();
        Line(s, columns);
        foreach (var row in rows) Line(s, row);
        return s.ToString();
    }

    private static void Line(StringBuilder s, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) s.Append(',');
            string f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0) s.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else s.Append(f);
        }
        s.Append('\n');
    }
}

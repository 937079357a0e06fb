using System.Text;
using Qtl.IO;

namespace Qtl.Tests;

/// <summary>The committed tables under docs/, read as their files write them: data rows split on commas outside quotes.</summary>
internal static class CommittedCsv
{
    /// <summary>The data rows of docs/<paramref name="file"/> (the header skipped).</summary>
    public static List<string[]> Rows(string file) => [.. File.ReadLines(Path.Combine(SourceTree.Root(), "docs", file)).Skip(1).Select(Split)];

    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}

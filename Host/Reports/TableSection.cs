namespace Qtl.Reports;

/// <summary>A table; every row has one cell per header.</summary>
public sealed record TableSection : ReportSection
{
    public TableSection(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows) : base(title)
    {
        for (int i = 0; i < rows.Count; i++)
            if (rows[i].Count != headers.Count)
                throw new ArgumentException($"table '{title}': row {i} has {rows[i].Count} cells but there are {headers.Count} headers.", nameof(rows));
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
}

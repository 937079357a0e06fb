namespace Qtl.Reports;

/// <summary>Everything a report shows, in order. Kept as plain data so training code can build it without knowing HTML.</summary>
public sealed record ReportData(string Title, string Subtitle, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Set, the footer names this instead of the time of writing: a page that must come out the same bits every time.</summary>
    public string? Provenance { get; init; }
}

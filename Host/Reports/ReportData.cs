namespace Qtl.Reports;

/// <summary>Everything a report shows, in order. Kept as plain data so training code can build it without knowing HTML.</summary>
public sealed record ReportData(string Title, string Subtitle, IReadOnlyList<ReportSection> Sections);

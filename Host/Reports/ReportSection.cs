namespace Qtl.Reports;

/// <summary>One titled part of a report; <see cref="Note"/> is an optional paragraph under the title (e.g. how a number was measured).</summary>
public abstract record ReportSection(string Title)
{
    public string? Note { get; init; }
}

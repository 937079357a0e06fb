namespace Qtl.Reports;

/// <summary>Key/value facts (settings, final metrics) shown as a two-column table.</summary>
public sealed record SummarySection(string Title, IReadOnlyList<KeyValuePair<string, string>> Items) : ReportSection(Title)
{
    /// <summary>Convenience for <c>new SummarySection("Run", ("qubits", "4"), ("depth", "6"))</c>.</summary>
    public SummarySection(string title, params (string Key, string Value)[] items)
        : this(title, items.Select(i => KeyValuePair.Create(i.Key, i.Value)).ToList()) { }
}

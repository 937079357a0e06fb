namespace Qtl.Reports;

/// <summary>Preformatted text (a log excerpt, a QIR snippet, a resource estimate).</summary>
public sealed record TextSection(string Title, string Text) : ReportSection(Title);

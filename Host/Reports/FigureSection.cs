namespace Qtl.Reports;

/// <summary>An SVG figure inlined into the page (so the report is one file), with a caption.</summary>
public sealed record FigureSection(string Title, string Svg, string Caption) : ReportSection(Title);

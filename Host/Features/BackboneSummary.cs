namespace Qtl.Features;

/// <summary>Which backbone made a task's features, as summary.json and reports record it.</summary>
public sealed record BackboneSummary(string Name, string Model, string Output, int Dimension, string Preprocessing);

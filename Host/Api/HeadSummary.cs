namespace Qtl;

/// <summary>One row of a run's comparison table: a head and how it did on the validation split.</summary>
public sealed record HeadSummary(string Head, string Architecture, int Parameters, double ValidationAccuracy, int BestEpoch, double Seconds);

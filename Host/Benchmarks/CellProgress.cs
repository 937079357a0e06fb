namespace Qtl.Benchmarks;

/// <summary>A cell finished (or found done): how many of the stage's cells are done, and how long this one took.</summary>
public sealed record CellProgress(string Stage, int Done, int Total, CellResult Cell, double Seconds, bool AlreadyDone);

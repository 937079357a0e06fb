namespace Qtl.Benchmarks;

/// <summary>Everything <c>reproduce transfer</c> measured, with how long it took.</summary>
public sealed record TransferBenchmarkResult(
    TransferBenchmarkOptions Options,
    IReadOnlyList<HeadScore> Scores,
    BackendCheck? Check,
    string Data,
    double ExtractionSeconds,
    double Seconds);

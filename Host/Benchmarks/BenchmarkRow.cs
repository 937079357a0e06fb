using Qtl.Reports;

namespace Qtl.Benchmarks;

/// <summary>
/// One model at one size: the setting cross-validation chose (and its mean fold accuracy), the test accuracy over seeds,
/// and the comparison with the size's reference (the best classical model by cross-validation; null on its own row).
/// </summary>
public sealed record BenchmarkRow(int? Size, BenchmarkModel Model, CvChoice Choice, SeedStatistics Test, BenchmarkModel Reference, PairedComparison? Comparison);

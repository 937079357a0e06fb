using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Qtl.Reports;

/// <summary>Mean, sample standard deviation and a two-sided 95 % Student-t confidence interval of per-seed values.</summary>
public sealed record SeedStatistics(int Count, double Mean, double Std, double Low, double High)
{
    public static SeedStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values: at least one seed is needed.", nameof(values));
        double mean = values.Mean();
        if (values.Count == 1) return new SeedStatistics(1, mean, 0, double.NaN, double.NaN);
        double std = values.StandardDeviation();
        double half = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * std / Math.Sqrt(values.Count);
        return new SeedStatistics(values.Count, mean, std, mean - half, mean + half);
    }
}

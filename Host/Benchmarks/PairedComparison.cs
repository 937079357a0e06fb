using System.Globalization;
using Qtl.Reports;

namespace Qtl.Benchmarks;

/// <summary>
/// A model against the reference (the best classical model by cross-validation) at one size, paired by seed: the mean
/// difference of test accuracies with its Student-t 95 % interval over seeds, a seeded percentile bootstrap over test
/// samples (the same resampled test set for every seed; the statistic is the mean over seeds), and the verdict, read
/// from the t interval.
/// </summary>
public sealed record PairedComparison(SeedStatistics Difference, double BootstrapLow, double BootstrapHigh, Verdict Verdict)
{
    public const int BootstrapSeed = 20240101;

    /// <param name="model">Per seed (in the same order as <paramref name="reference"/>): '1'/'0' per test sample.</param>
    public static PairedComparison Of(IReadOnlyList<string> model, IReadOnlyList<string> reference, double margin, int bootstrapSamples)
    {
        if (model.Count != reference.Count || model.Count == 0) throw new ArgumentException("both need the same seeds, at least one.");
        double[] diff = [.. model.Zip(reference, (m, r) => Accuracy(m) - Accuracy(r))];
        var d = SeedStatistics.Of(diff);
        var (low, high) = Bootstrap(model, reference, bootstrapSamples, BootstrapSeed);
        return new PairedComparison(d, low, high, Decide(d.Low, d.High, margin));
    }

    public static Verdict Decide(double low, double high, double margin)
    {
        if (double.IsNaN(low) || double.IsNaN(high)) return Verdict.Inconclusive;
        if (low > -margin && high < margin) return Verdict.Equivalent;
        if (low > 0) return Verdict.Better;
        if (high < 0) return Verdict.Worse;
        return Verdict.Inconclusive;
    }

    /// <summary>The 2.5 and 97.5 percentiles (nearest rank) of the mean-over-seeds difference on resampled test sets.</summary>
    public static (double Low, double High) Bootstrap(IReadOnlyList<string> model, IReadOnlyList<string> reference, int samples, int seed)
    {
        int n = model[0].Length;
        // Per test sample, the summed difference over seeds (−S to S): a resample's statistic is a sum of these.
        var perSample = new int[n];
        for (int s = 0; s < model.Count; s++)
            for (int i = 0; i < n; i++) perSample[i] += (model[s][i] - '0') - (reference[s][i] - '0');
        var rng = new Random(seed);
        var stats = new double[samples];
        for (int b = 0; b < samples; b++)
        {
            long sum = 0;
            for (int i = 0; i < n; i++) sum += perSample[rng.Next(n)];
            stats[b] = sum / (double)n / model.Count;
        }
        Array.Sort(stats);
        return (stats[Rank(0.025, samples)], stats[Rank(0.975, samples)]);
    }

    private static int Rank(double q, int count) => Math.Clamp((int)Math.Ceiling(q * count) - 1, 0, count - 1);

    private static double Accuracy(string bits) => bits.Count(c => c == '1') / (double)bits.Length;

    public string Describe(double margin) => Verdict switch
    {
        Verdict.Equivalent => string.Create(CultureInfo.InvariantCulture, $"equivalent within ±{100 * margin:0.##}"),
        _ => Verdict.Text(),
    };
}

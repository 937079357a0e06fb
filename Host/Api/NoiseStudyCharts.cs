using System.Globalization;
using Qtl.Hardware;

namespace Qtl;

/// <summary>The figures of a noise study, as methods of its result (the study's report draws the same).</summary>
public static class NoiseStudyCharts
{
    /// <summary>Accuracy against depolarizing p on a log axis, one line per shot count; null when no cell has noise.</summary>
    public static ChartSpec? AccuracyVsNoiseChart(this NoiseStudyResult result)
    {
        var noisy = result.Points.Where(p => p.Noise > 0).ToList();
        return noisy.Count == 0 ? null : Chart.ErrorBarLines(noisy.Select(p => new ErrorPoint(Series(p), p.Noise, p.Mean, p.Std)),
            "Accuracy vs depolarizing noise", "depolarizing p per gate (log)", "validation accuracy", logX: true);
    }

    /// <summary>Accuracy against shots per circuit on a log axis, one line per noise level; null when no cell has shots.</summary>
    public static ChartSpec? AccuracyVsShotsChart(this NoiseStudyResult result)
    {
        var shot = result.Points.Where(p => p.Shots > 0).ToList();
        return shot.Count == 0 ? null : Chart.ErrorBarLines(shot.Select(p => new ErrorPoint($"p = {G(p.Noise)}", p.Shots, p.Mean, p.Std)),
            "Accuracy vs shots", "shots per circuit (log)", "validation accuracy", logX: true);
    }

    private static string Series(NoiseStudyPoint p) =>
        p.Shots == 0 ? "exact (density matrix)" : $"{p.Shots} shots ({(p.Source == NoiseStudy.QdkSource ? "QDK" : "sampled")})";

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}

namespace Qtl.Tests;

/// <summary>
/// Tolerances for estimates from the QDK's shots, which cannot be seeded: six standard errors, with the
/// variance floored at one count so that rare outcomes (where the normal approximation fails) still get a
/// few counts of slack. A correct simulator then fails a check with probability below 1e-4.
/// </summary>
internal static class ShotNoise
{
    public static double FrequencyTolerance(double p, int shots) =>
        6 * Math.Sqrt(Math.Max(p * (1 - p), 1.0 / shots) / shots);

    /// <summary>⟨Z⟩ = 1 − 2·P(1), so its error is twice that of the frequency of outcome 1.</summary>
    public static double ExpectationTolerance(double z, int shots) => 2 * FrequencyTolerance((1 - z) / 2, shots);
}

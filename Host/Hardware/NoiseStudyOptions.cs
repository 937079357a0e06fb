using Qtl.Quantum;

namespace Qtl.Hardware;

/// <summary>What a noise study measures: depolarizing levels × shot counts, repeated for error bars.</summary>
public sealed record NoiseStudyOptions
{
    /// <summary>Depolarizing p per gate (and before measurement); 0 is the noiseless reference.</summary>
    public IReadOnlyList<double> NoiseLevels { get; init; } = [0, 1e-4, 1e-3, 1e-2, 5e-2];

    /// <summary>Shots per circuit; 0 means exact (the density matrix, no sampling).</summary>
    public IReadOnlyList<int> Shots { get; init; } = [100, 1000, 5000, 0];

    /// <summary>Independent repetitions of every shot-based cell; the spread gives the error bars.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>
    /// Shot counts up to this run on the QDK (<c>runWithNoise</c>, ~0.4 ms per shot); larger ones are
    /// sampled from the native noisy density matrix, which has the same distribution at no cost per shot.
    /// 0 keeps the QDK out entirely.
    /// </summary>
    // 100 keeps the default study of the demo's 200 validation samples near 2 minutes of QDK
    // noisy shots (≈ 0.3 ms each); 1000 and 5000 shots come from the exact noisy distribution.
    public int QdkMaxShots { get; init; } = 100;

    /// <summary>Seeds the native sampling.</summary>
    public int Seed { get; init; } = 7;

    public NoiseStudyOptions Validate()
    {
        if (NoiseLevels.Count == 0 || NoiseLevels.Any(p => !double.IsFinite(p) || p < 0 || p > 1))
            throw new UserError($"noise levels are [{string.Join(", ", NoiseLevels)}]; allowed: one or more depolarizing probabilities from 0 to 1.");
        if (Shots.Count == 0 || Shots.Any(s => s < 0 || s > Backends.MaxShots))
            throw new UserError($"shots are [{string.Join(", ", Shots)}]; allowed: one or more of 0 (exact) to {Backends.MaxShots}.");
        if (Repeats is < 1 or > 100) throw new UserError($"repeats is {Repeats}; allowed: 1 to 100.");
        if (QdkMaxShots is < 0 or > Backends.MaxShots) throw new UserError($"the QDK shot limit is {QdkMaxShots}; allowed: 0 to {Backends.MaxShots}.");
        return this;
    }

    /// <summary>Shots the QDK will simulate for <paramref name="samples"/> circuits: the cost that dominates a study.</summary>
    public long QdkShots(int samples) =>
        (long)NoiseLevels.Distinct().Count() * Repeats * samples * Shots.Distinct().Where(s => s > 0 && s <= QdkMaxShots).Sum(s => (long)s);
}

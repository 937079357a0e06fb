using System.Diagnostics;
using Qtl.Data;
using Qtl.Quantum;
using Qtl.Quantum.Noise;
using Qtl.Reports;
using Qtl.Runtime;
using Qtl.Training;

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

/// <summary>One cell of the study: accuracy at one noise level and shot count, over the repeats.</summary>
public sealed record NoiseStudyPoint(double Noise, int Shots, string Source, double Mean, double Std, IReadOnlyList<double> Accuracies, double Seconds)
{
    public string ShotsLabel => Shots == 0 ? "exact" : Shots.ToString();
}

public sealed record NoiseStudyResult(NoiseStudyOptions Options, CircuitShape Shape, int Samples, IReadOnlyList<NoiseStudyPoint> Points, double Seconds);

/// <summary>
/// Accuracy of a trained quantum head on the validation split as the circuit gets noisier and the
/// read-out goes from exact to a finite number of shots. The classical pre-net runs once; only the
/// circuit changes between cells. Sources: exact = native density matrix; shots ≤ QdkMaxShots = the
/// QDK's own noisy simulator measuring in Q#; larger shot counts = samples from the native density matrix.
/// </summary>
public static class NoiseStudy
{
    public const string ExactSource = "native density matrix (exact)";
    public const string QdkSource = "QDK runWithNoise (Q# MeasureEachZ)";
    public const string SampledSource = "sampled from native density matrix";

    /// <param name="runtime">Runs the QDK's noisy simulator for shot counts up to <see cref="NoiseStudyOptions.QdkMaxShots"/>.</param>
    public static NoiseStudyResult Run(QdkRuntime runtime, TrainedModel model, FeatureSet validation, NoiseStudyOptions options,
        Action<NoiseStudyPoint>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(validation);
        options = options.Validate();
        var head = QuantumHead.From(model);
        if (head.Shape.Qubits > DensityMatrix.MaxQubits)
            throw new UserError($"the circuit has {head.Shape.Qubits} qubits; the exact noisy engine allows up to {DensityMatrix.MaxQubits}.");
        var watch = Stopwatch.StartNew();
        var inputs = head.CircuitInputs(validation.Features);
        var labels = validation.Labels;
        var points = new List<NoiseStudyPoint>();
        foreach (double p in options.NoiseLevels.Distinct())
        {
            var noise = NoiseModel.Depolarizing(p);
            using var native = new NoisyNativeBackend(noise, options.Seed);
            foreach (int shots in options.Shots.Distinct())
            {
                var cell = Stopwatch.StartNew();
                string source;
                double[] accuracies;
                if (shots == 0)
                    (source, accuracies) = (ExactSource, Accuracy(head, native, inputs, labels, 0, 1));
                else if (shots <= options.QdkMaxShots)
                    (source, accuracies) = (QdkSource, Accuracy(head, new QdkNoisyBackend(noise, runtime), inputs, labels, shots, options.Repeats));
                else
                    (source, accuracies) = (SampledSource, Accuracy(head, native, inputs, labels, shots, options.Repeats));
                var stats = SeedStatistics.Of(accuracies);
                var point = new NoiseStudyPoint(p, shots, source, stats.Mean, stats.Std, accuracies, cell.Elapsed.TotalSeconds);
                points.Add(point);
                progress?.Invoke(point);
            }
        }
        return new NoiseStudyResult(options, head.Shape, labels.Length, points, watch.Elapsed.TotalSeconds);
    }

    /// <summary>One accuracy per repeat, from a single backend call over the samples repeated <paramref name="repeats"/> times.</summary>
    private static double[] Accuracy(QuantumHead head, IQuantumBackend backend, double[][] inputs, int[] labels, int shots, int repeats)
    {
        var all = Enumerable.Repeat(inputs, repeats).SelectMany(x => x).ToList();
        var result = backend.Evaluate(head.Batch(all), shots);
        var logits = head.Logits(result.Expectations);
        int n = inputs.Length;
        return Enumerable.Range(0, repeats).Select(r => QuantumHead.Accuracy(logits[(r * n)..((r + 1) * n)], labels)).ToArray();
    }

}

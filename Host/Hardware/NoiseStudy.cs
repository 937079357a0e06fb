using System.Diagnostics;
using Qtl.Quantum;
using Qtl.Quantum.Noise;
using Qtl.Reports;
using Qtl.Runtime;
using Qtl.Training;
using Qtl.Features;

namespace Qtl.Hardware;

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

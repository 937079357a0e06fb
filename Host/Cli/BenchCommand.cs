using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Qtl.Backbones;
using Qtl.Data;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Training;
using Spectre.Console;
using Qtl.Runtime;
using Qtl.Features;
using Qtl.IO;

namespace Qtl.Cli;

/// <summary>
/// <c>bench</c>: throughput of both backends on one circuit shape, measured in one run
/// on this machine: circuits/s (QDK timed from C#, process round trip included) and
/// gradient time per sample (parameter-shift on both backends, adjoint on native), and an
/// epoch of the published setting. Each QDK call first compiles the Q# standard library, so
/// the fixed cost of an empty call is reported too: an epoch makes one call per optimiser step. Last, the
/// ImageNet ResNet18's images/s, the cost of the first feature extraction of a data set.
/// </summary>
public static class BenchCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var qubits = new Option<int>("--qubits") { Description = "Number of qubits (1-12).", DefaultValueFactory = _ => 4 };
        var depth = new Option<int>("--depth") { Description = "Number of variational blocks.", DefaultValueFactory = _ => 6 };
        var qdkBatch = new Option<int>("--qdk-batch") { Description = "Circuits per QDK call (≥ 1000 for the headline figure).", DefaultValueFactory = _ => 2000 };
        var repeats = new Option<int>("--repeats") { Description = "Timed repetitions per measurement (the median is reported).", DefaultValueFactory = _ => 5 };
        var json = new Option<string?>("--json") { Description = "Also write the figures to this JSON file." };
        var command = new Command("bench", "Measure circuits/s and gradient time per sample on the qsharp and native backends, and ResNet18 images/s.")
        {
            qubits, depth, qdkBatch, repeats, json,
        };
        command.SetAction(r => Run(runtime, r.GetValue(qubits), r.GetValue(depth), r.GetValue(qdkBatch), r.GetValue(repeats), r.GetValue(json)));
        return command;
    }

    private static int Run(QdkRuntime runtime, int qubits, int depth, int qdkBatch, int repeats, string? jsonPath)
    {
        Parsing.InRange(qubits, 1, 12, "--qubits");
        Parsing.InRange(depth, 0, CircuitShape.MaxDepth, "--depth");
        Parsing.InRange(qdkBatch, 1, 100_000, "--qdk-batch");
        Parsing.InRange(repeats, 1, 100, "--repeats");
        var shape = new CircuitShape(qubits, depth);
        var rng = new Random(7);
        using var qsharp = new QSharpBackend(runtime);
        using var native = new NativeBackend();

        const int nativeBatch = 200_000;
        const int gradientSamples = 16;
        var qdkCircuits = RandomBatch(shape, qdkBatch, rng);
        var nativeCircuits = RandomBatch(shape, nativeBatch, rng);
        var gradientBatch = RandomBatch(shape, gradientSamples, rng);

        qsharp.Evaluate(RandomBatch(shape, 10, rng)); // start the runtime outside the timings
        double qdkCall = Median(repeats, () => qsharp.Runtime.Run("()"));
        double qdkRate = qdkBatch / Median(repeats, () => qsharp.Evaluate(qdkCircuits));
        double nativeRate = nativeBatch / Median(repeats, () => native.Evaluate(nativeCircuits));
        double shiftQdk = Median(repeats, () => ParameterShift.Compute(qsharp, gradientBatch)) / gradientSamples;
        double shiftNative = Median(repeats, () => ParameterShift.Compute(native, gradientBatch)) / gradientSamples;
        double adjoint = Median(repeats, () => Adjoint.Compute(gradientBatch)) / gradientSamples;

        // One epoch of the published setting: 244 training + 153 validation samples of
        // 512-d (ResNet18-sized) features, 4 qubits, depth 6, batch 4.
        var epochData = PublishedSetting(rng);
        var recipe = new TrainingOptions { Epochs = 1, Qubits = qubits, Depth = depth };
        int epochCalls = (epochData.Train.Count + recipe.BatchSize - 1) / recipe.BatchSize + 1; // one per step, one for validation
        double EpochSeconds(BackendKind backend, GradientMethod gradient) =>
            new TransferTrainer(recipe with { Backend = backend, GradientMethod = gradient },
                Backends.Create(backend, runtime)).Train(HeadKind.Quantum, epochData).History[0].Seconds;
        double epochQdk = EpochSeconds(BackendKind.QSharp, GradientMethod.ParameterShift);
        double epochNativeShift = EpochSeconds(BackendKind.Native, GradientMethod.ParameterShift);
        double epochNativeAdjoint = EpochSeconds(BackendKind.Native, GradientMethod.Adjoint);
        (double resnet, double resnetMlNet) = ResNet18Rates(repeats);

        var figures = new Dictionary<string, object>
        {
            ["shape"] = shape.ToString(),
            ["qdk_call_fixed_ms"] = Math.Round(qdkCall * 1e3, 1),
            ["qdk_batch"] = qdkBatch,
            ["qdk_circuits_per_s"] = Math.Round(qdkRate),
            ["native_circuits_per_s"] = Math.Round(nativeRate),
            ["native_over_qdk"] = Math.Round(nativeRate / qdkRate, 1),
            ["parameter_shift_qdk_ms_per_sample"] = Math.Round(shiftQdk * 1e3, 3),
            ["parameter_shift_native_ms_per_sample"] = Math.Round(shiftNative * 1e3, 5),
            ["adjoint_native_ms_per_sample"] = Math.Round(adjoint * 1e3, 5),
            ["circuits_per_parameter_shift_sample"] = ParameterShift.CircuitsPerSample(shape),
            ["epoch_s_published_setting_qdk_parameter_shift"] = Math.Round(epochQdk, 2),
            ["epoch_s_published_setting_qdk_fixed_call_costs"] = Math.Round(epochCalls * qdkCall, 2),
            ["epoch_s_published_setting_native_parameter_shift"] = Math.Round(epochNativeShift, 3),
            ["epoch_s_published_setting_native_adjoint"] = Math.Round(epochNativeAdjoint, 3),
            ["resnet18_images_per_s"] = Math.Round(resnet, 1),
            ["resnet18_mlnet_featurizer_images_per_s"] = Math.Round(resnetMlNet, 1),
            ["cores"] = Environment.ProcessorCount,
        };
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (key, value) in figures)
            table.AddRow(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
        AnsiConsole.Write(table);
        if (jsonPath is not null)
            AtomicFile.WriteAllText(jsonPath, JsonSerializer.Serialize(figures, JsonFiles.Options));
        return 0;
    }

    /// <summary>
    /// ImageNet ResNet18 features per second on FashionMNIST images (28×28 grey to 224×224 RGB included): the host's
    /// one-session path, and ML.NET's two-session DnnFeaturizeImage pipeline on the same images.
    /// </summary>
    private static (double Host, double MlNet) ResNet18Rates(int repeats)
    {
        const int count = 64;
        FashionMnistSplit split = FashionMnist.Load(FashionMnist.Locate(), train: false);
        var images = Enumerable.Range(0, count).Select(i => new RasterImage(split.Images.Columns, split.Images.Rows, 1, split.Images.Image(i).ToArray())).ToArray();
        using var backbone = Backbone.Open();
        double host = count / Median(repeats, () => backbone.Extract(count, i => images[i]));
        var mlnet = new MlNetResNet18();
        double viaMlNet = count / Median(repeats, () => mlnet.Featurize(images.Select(MlNetResNet18.PlanarRgb)));
        return (host, viaMlNet);
    }

    private static TransferData PublishedSetting(Random rng)
    {
        FeatureSet Split(int count) => new(
            Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 512).Select(_ => rng.NextDouble()).ToArray()).ToArray(),
            Enumerable.Range(0, count).Select(i => i % 2).ToArray(), ["ants", "bees"]);
        return new TransferData(Split(244), Split(153), "published setting (random 512-d features)");
    }

    private static CircuitBatch RandomBatch(CircuitShape shape, int count, Random rng)
    {
        double[] Angles(int n) => Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();
        return new CircuitBatch(shape, Angles(count * shape.Qubits), Angles(count * shape.WeightCount));
    }

    /// <summary>Median seconds of <paramref name="repeats"/> timed runs after one warm-up.</summary>
    private static double Median(int repeats, Action action)
    {
        action();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }
}

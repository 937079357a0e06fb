using System.Diagnostics;
using System.Globalization;
using Qtl.Backbones;
using Qtl.Data;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Training;
using Qtl.Runtime;
using Qtl.Features;

namespace Qtl.Benchmarks;

/// <summary>
/// The dressed-circuit transfer experiment of Mari et al. (2019) on ImageNet ResNet18 features, done the way a
/// referee would ask: several FashionMNIST pairs, several seeds (each drawing its own training and validation
/// images), the quantum head beside a classical head of the same shape and the paper's Linear(512→2), model
/// selection on validation, and a held-out test set the selection never saw.
/// </summary>
public static class TransferBenchmark
{
    /// <param name="runtime">Runs the qsharp cross-check (<see cref="TransferBenchmarkOptions.QSharpCheckEpochs"/>); unused without it.</param>
    public static TransferBenchmarkResult Run(QdkRuntime runtime, TransferBenchmarkOptions o, Action<string> log, Action<ExtractionProgress>? progress = null)
    {
        o.Validate();
        var clock = Stopwatch.StartNew();
        FashionMnistLocation location = FashionMnist.Locate(o.DataPath);
        log(location.Notice);
        FashionMnistSplit trainSplit = FashionMnist.Load(location, train: true), testSplit = FashionMnist.Load(location, train: false);
        using Backbone backbone = Backbone.Open();
        var extractor = new FeatureExtractor(new FeatureCache(o.CacheDir), progress);
        using var native = new NativeBackend();
        var scores = new List<HeadScore>();
        double extraction = 0;
        TransferData? checkData = null;
        FeatureSet? checkTest = null;

        foreach (BenchmarkTask task in o.Tasks)
        {
            string[] names = task.Classes.Select(c => FashionMnist.ClassNames[c]).ToArray();
            int[] testIdx = FashionMnist.Select(testSplit.Labels, task.Classes, o.TestPerClass, seed: 0);
            Extraction test = extractor.FromIdx(backbone, testSplit, testIdx, task.Classes, names, $"{task.Name}, test");
            extraction += test.Elapsed.TotalSeconds;
            for (int seed = 1; seed <= o.Seeds; seed++)
            {
                (TransferData data, double seconds) = Draw(o, task, seed, trainSplit, backbone, extractor, names);
                extraction += seconds;
                var recipe = o.Recipe with { Seed = seed };
                foreach (HeadKind head in TransferExperiment.DefaultHeads)
                    scores.Add(Score(task, head, "", recipe, data, test.Features, native, log));
                if (task == o.AblationTask)
                {
                    foreach (int depth in o.AblationDepths.Where(d => d != recipe.Depth))
                        scores.Add(Score(task, HeadKind.Quantum, $"depth {depth}", recipe with { Depth = depth }, data, test.Features, native, log));
                    foreach (int qubits in o.AblationQubits.Where(q => q != recipe.Qubits))
                        scores.Add(Score(task, HeadKind.Quantum, $"{qubits} qubits", recipe with { Qubits = qubits }, data, test.Features, native, log));
                    if (seed == 1) (checkData, checkTest) = (data, test.Features);
                }
            }
        }
        BackendCheck? check = o.QSharpCheckEpochs > 0 ? CheckBackends(runtime, o, checkData!, checkTest!, native, log) : null;
        string description = $"FashionMNIST from {location.Directory}; backbone {backbone.Name}, {ResNet18Package.Features}-d";
        return new TransferBenchmarkResult(o, scores, check, description, extraction, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The seed's own draw from the train split: <see cref="TransferBenchmarkOptions.TrainPerClass"/> +
    /// <see cref="TransferBenchmarkOptions.ValidationPerClass"/> images per class, the first ones of each class
    /// (in file order of a seeded random choice) for training, the rest for validation.
    /// </summary>
    private static (TransferData Data, double Seconds) Draw(TransferBenchmarkOptions o, BenchmarkTask task, int seed,
        FashionMnistSplit split, Backbone backbone, FeatureExtractor extractor, string[] names)
    {
        int perClass = o.TrainPerClass + o.ValidationPerClass;
        int[] idx = FashionMnist.Select(split.Labels, task.Classes, perClass, seed);
        foreach (int c in task.Classes)
            if (idx.Count(i => split.Labels[i] == c) < perClass)
                throw new InvalidDataException($"the train split has fewer than {perClass} images of class {c} ({FashionMnist.ClassNames[c]}); " +
                    "the benchmark needs the full FashionMNIST (apt-get install dataset-fashion-mnist) or smaller --train-per-class/--validation-per-class.");
        Extraction all = extractor.FromIdx(backbone, split, idx, task.Classes, names, $"{task.Name}, seed {seed}");
        var seen = new int[task.Classes.Length];
        var train = new List<int>();
        var validation = new List<int>();
        for (int row = 0; row < idx.Length; row++)
        {
            int label = all.Features.Labels[row];
            (seen[label]++ < o.TrainPerClass ? train : validation).Add(row);
        }
        FeatureSet Rows(List<int> rows) => new(rows.Select(r => all.Features.Features[r]).ToArray(), rows.Select(r => all.Features.Labels[r]).ToArray(), names);
        return (new TransferData(Rows(train), Rows(validation), $"{task.Name}, seed {seed}"), all.Elapsed.TotalSeconds);
    }

    private static HeadScore Score(BenchmarkTask task, HeadKind head, string setting, TrainingOptions options, TransferData data,
        FeatureSet test, IQuantumBackend backend, Action<string> log)
    {
        IQuantumBackend? quantum = head == HeadKind.Quantum ? backend : null;
        TrainedModel model = new TransferTrainer(options, quantum).Train(head, data);
        var score = new HeadScore(task.Name, head, setting, options.Seed, model.BestValidationAccuracy, Accuracy(model, test, quantum), model.BestEpoch);
        log(string.Create(CultureInfo.InvariantCulture,
            $"{task.Name}, seed {options.Seed}, {head.Text()}{(setting.Length > 0 ? $" ({setting})" : "")}: validation {100 * score.Validation:F1} % (epoch {score.BestEpoch}), test {100 * score.Test:F1} %"));
        return score;
    }

    /// <summary>The first task's seed-1 quantum head, trained for the check's epochs on the native engine and on the QDK.</summary>
    private static BackendCheck CheckBackends(QdkRuntime runtime, TransferBenchmarkOptions o, TransferData data, FeatureSet test, IQuantumBackend native, Action<string> log)
    {
        var options = o.Recipe with { Seed = 1, Epochs = o.QSharpCheckEpochs };
        log($"Cross-check: {o.AblationTask.Name}, seed 1, quantum head, {options.Epochs} epochs on the qsharp backend (one QDK call per optimiser step)...");
        TrainedModel onNative = new TransferTrainer(options with { Backend = BackendKind.Native }, native).Train(HeadKind.Quantum, data);
        using var qsharp = new QSharpBackend(runtime);
        var watch = Stopwatch.StartNew();
        TrainedModel onQSharp = new TransferTrainer(options with { Backend = BackendKind.QSharp }, qsharp).Train(HeadKind.Quantum, data);
        double seconds = watch.Elapsed.TotalSeconds;
        double maxDifference = onNative.Parameters.Max(p => p.Value.Zip(onQSharp.Parameters[p.Key], (a, b) => Math.Abs(a - b)).Max());
        var check = new BackendCheck(o.AblationTask.Name, 1, options.Epochs, onNative.BestValidationAccuracy, Accuracy(onNative, test, native),
            onQSharp.BestValidationAccuracy, Accuracy(onQSharp, test, qsharp), maxDifference, seconds);
        log(string.Create(CultureInfo.InvariantCulture,
            $"Cross-check: native validation {100 * check.NativeValidation:F2} %, test {100 * check.NativeTest:F2} %; qsharp validation {100 * check.QSharpValidation:F2} %, test {100 * check.QSharpTest:F2} %; largest weight difference {check.MaxWeightDifference:E1} ({seconds:F0} s on the QDK)."));
        return check;
    }

    /// <summary>The accuracy of a trained head on the held-out test set.</summary>
    private static double Accuracy(TrainedModel model, FeatureSet test, IQuantumBackend? backend) =>
        Evaluation.From(model.Logits(test.Features, backend), test.Labels, test.ClassNames.Count).Accuracy;
}

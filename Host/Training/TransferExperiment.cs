using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Runtime;

namespace Qtl.Training;

/// <summary>
/// One transfer-learning run: the quantum head and the classical baselines trained on the
/// same features with the same optimiser, then written to a run folder (checkpoints, metrics,
/// summary.json).
/// </summary>
public sealed class TransferExperiment(TrainingOptions options, IReadOnlyList<HeadKind> heads, QdkRuntime runtime)
{
    public static readonly HeadKind[] DefaultHeads = [HeadKind.Quantum, HeadKind.Classical, HeadKind.Linear];

    public TrainingOptions Options { get; } = options.Validate();
    public IReadOnlyList<HeadKind> Heads { get; } = heads;

    public event Action<TrainingProgress>? Progress;
    public event Action<HeadKind, EpochMetrics>? EpochCompleted;

    /// <summary>
    /// Checks, before anything is trained or written, that every head's checkpoint in <paramref name="outDir"/>
    /// can continue with these options and data, and returns the epochs each head has done (0 without a checkpoint).
    /// </summary>
    public IReadOnlyDictionary<HeadKind, int> ResumePoints(TransferData data, string outDir)
    {
        var done = new Dictionary<HeadKind, int>();
        foreach (var kind in Heads)
        {
            string checkpoint = CheckpointPath(outDir, kind);
            if (!File.Exists(checkpoint)) { done[kind] = 0; continue; }
            var state = Checkpoint.Load(checkpoint);
            if (state.Kind != kind)
                throw new InvalidDataException($"{checkpoint} holds a '{state.Kind.Text()}' head, not the {kind.Text()} head.");
            try
            {
                state.CheckResumable(Options, data.Train.Dimension, data.Train.ClassNames);
            }
            catch (UserError e)
            {
                throw new UserError($"{checkpoint}: {e.Message}", e);
            }
            // An ML.NET baseline's fit has no epochs to continue: once saved it is done for any --epochs.
            done[kind] = kind.IsMlNetBaseline() ? Options.Epochs : state.Progress.EpochsDone;
        }
        return done;
    }

    public IReadOnlyDictionary<HeadKind, HeadResult> Run(TransferData data, string outDir, bool resume = false)
    {
        var results = new Dictionary<HeadKind, HeadResult>();
        using IQuantumBackend backend = Backends.Create(Options.Backend, runtime);
        foreach (var kind in Heads)
        {
            string checkpoint = CheckpointPath(outDir, kind);
            bool resumeThis = resume && File.Exists(checkpoint);
            if (kind.IsMlNetBaseline())
            {
                results[kind] = Result(FitBaseline(kind, data, outDir, checkpoint, resumeThis), data, null);
                continue;
            }
            var history = resumeThis ? Checkpoint.Load(checkpoint).Progress.History.ToList() : [];
            var trainer = new TransferTrainer(Options, kind == HeadKind.Quantum ? backend : null);
            trainer.Progress += p => Progress?.Invoke(p);
            trainer.EpochCompleted += (k, m) =>
            {
                history.Add(m);
                RunFolder.WriteMetrics(outDir, k, history);
                EpochCompleted?.Invoke(k, m);
            };
            var model = trainer.Train(kind, data, checkpoint, resumeThis);
            results[kind] = Result(model, data, kind == HeadKind.Quantum ? backend : null);
        }
        return results;
    }

    private static HeadResult Result(TrainedModel model, TransferData data, IQuantumBackend? backend)
    {
        var head = model.Build(backend);
        var validation = Evaluation.From(head.Predict(data.Validation.Features), data.Validation.Labels, data.Validation.ClassNames.Count);
        return new HeadResult(model, validation, head.Describe(), head.ParameterCount);
    }

    /// <summary>An ML.NET baseline: fitted once (a resume reads the saved fit back), saved as a checkpoint of one epoch.</summary>
    private TrainedModel FitBaseline(HeadKind kind, TransferData data, string outDir, string checkpoint, bool resume)
    {
        if (resume) return Checkpoint.LoadModel(checkpoint);
        var model = MlNetBaselines.Fit(kind, data.Train, data.Validation, Options);
        var state = new TrainingState(kind, Options, model.ClassNames, model.FeatureDimension)
        {
            Progress = new TrainerState
            {
                EpochsDone = 1,
                Parameters = model.Parameters.ToDictionary(),
                BestEpoch = model.BestEpoch,
                BestAccuracy = model.BestValidationAccuracy,
                BestParameters = model.Parameters.ToDictionary(),
                History = [.. model.History],
            },
        };
        Checkpoint.Save(checkpoint, state);
        RunFolder.WriteMetrics(outDir, kind, model.History);
        EpochCompleted?.Invoke(kind, model.History[0]);
        return model;
    }

    public static string CheckpointPath(string outDir, HeadKind kind) => Path.Combine(outDir, $"{kind.Text()}.checkpoint.json");

    /// <summary>Writes summary.json: the quantum head and its baselines side by side.</summary>
    public void WriteSummary(string outDir, TransferData data, IReadOnlyDictionary<HeadKind, HeadResult> results, double seconds)
    {
        object Entry(HeadResult r) => new
        {
            ValAccuracy = r.Validation.Accuracy,
            ValLoss = r.Validation.Loss,
            BestEpoch = r.Model.BestEpoch,
            Seconds = Math.Round(r.Model.Seconds, 3),
            Parameters = r.ParameterCount,
            Architecture = r.Description,
            Confusion = r.Validation.Confusion,
        };
        var summary = new Dictionary<string, object?>
        {
            ["task"] = data.Description,
            ["classes"] = data.Train.ClassNames,
            ["train_samples"] = data.Train.Count,
            ["validation_samples"] = data.Validation.Count,
            ["feature_dimension"] = data.Train.Dimension,
            ["backbone"] = data.Backbone,
            ["backend"] = Options.Backend,
            ["gradient"] = Options.GradientMethod,
            ["shots"] = Options.Shots == 0 ? "exact" : Options.Shots,
            ["epochs"] = Options.Epochs,
            ["seed"] = Options.Seed,
            ["seconds"] = Math.Round(seconds, 3),
            ["options"] = Options,
        };
        foreach (var (kind, r) in results)
            summary[kind.Text()] = Entry(r);
        // "baseline" is the classical head of the same shape as the quantum one.
        if (results.TryGetValue(HeadKind.Classical, out var baseline))
            summary["baseline"] = Entry(baseline);
        RunFolder.WriteSummary(outDir, summary);
    }
}

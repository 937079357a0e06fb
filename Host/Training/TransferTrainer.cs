using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Training;

/// <summary>
/// Trains one transfer head through the <see cref="Trainer"/>: cross-entropy, one Adam with StepLR, a (seed, epoch)
/// shuffle, the best epoch by validation accuracy, and a checkpoint after every epoch, so that a resumed run ends
/// with exactly the weights of an uninterrupted one.
/// </summary>
public sealed class TransferTrainer
{
    private readonly IQuantumBackend? _backend;

    /// <param name="backend">Runs the quantum head's circuits; it must be of the options' backend kind.</param>
    public TransferTrainer(TrainingOptions options, IQuantumBackend? backend = null)
    {
        Options = options.Validate();
        if (backend is not null && backend.Capabilities.Kind != Options.Backend)
            throw new ArgumentException($"the options say backend '{Options.Backend.Text()}', but a '{backend.Name}' backend was given.", nameof(backend));
        backend?.Capabilities.Require(Options.GradientMethod, Options.Shots, backend.Name);
        _backend = backend;
    }

    public TrainingOptions Options { get; }

    public event Action<TrainingProgress>? Progress;
    public event Action<HeadKind, EpochMetrics>? EpochCompleted;

    /// <summary>
    /// Trains <paramref name="kind"/> on <paramref name="data"/>. With <paramref name="checkpointPath"/>
    /// the state is saved there after every epoch; with <paramref name="resume"/> training continues from it.
    /// </summary>
    public TrainedModel Train(HeadKind kind, TransferData data, string? checkpointPath = null, bool resume = false) =>
        Train(kind, data.Train, data.Validation, checkpointPath, resume);

    /// <summary>
    /// As <see cref="Train(HeadKind, TransferData, string?, bool)"/>; without <paramref name="validation"/> no epoch is
    /// selected and the model is the last epoch's (its best epoch is the last, its validation accuracy −1).
    /// </summary>
    public TrainedModel Train(HeadKind kind, FeatureSet train, FeatureSet? validation, string? checkpointPath = null, bool resume = false)
    {
        if (kind.IsMlNetBaseline())
            throw new ArgumentException($"the {kind.Text()} head is fitted by ML.NET (MlNetBaselines.Fit), not by the product's trainer.", nameof(kind));
        if (validation is not null && train.Dimension != validation.Dimension)
            throw new ArgumentException($"train features have dimension {train.Dimension}, validation {validation.Dimension}.");
        var head = Heads.Create(kind, train.Dimension, train.ClassNames.Count, Options, _backend);
        var state = new TrainingState(kind, Options, train.ClassNames, train.Dimension);
        if (resume)
        {
            if (checkpointPath is null || !File.Exists(checkpointPath))
                throw new FileNotFoundException($"cannot resume: no checkpoint at {checkpointPath}.");
            var saved = Checkpoint.Load(checkpointPath);
            saved.CheckResumable(Options, train.Dimension, train.ClassNames);
            state = state with { Progress = saved.Progress };
        }

        var plan = new TrainingPlan(head, new TrainingSet(train.Features, train.Labels), CrossEntropyLoss.Instance,
            [new ParameterGroup("head", head.Parameters, Options.Schedule)], new SeededShuffle(Options.Seed, Options.BatchSize), Options.Epochs)
        {
            Selection = validation is null ? null : new EpochSelection(h =>
            {
                var e = Evaluation.From(h.Predict(validation.Features), validation.Labels, validation.ClassNames.Count);
                return new SplitScore(e.Accuracy, e.Loss);
            }),
        };
        var trainer = new Trainer();
        trainer.StepCompleted += s => Progress?.Invoke(new TrainingProgress(kind, s.Epoch, s.Epochs, s.Step, s.Steps));
        trainer.EpochCompleted += progress =>
        {
            state = state with { Progress = progress };
            if (checkpointPath is not null) Checkpoint.Save(checkpointPath, state);
            EpochCompleted?.Invoke(kind, progress.History[^1]);
        };
        state = state with { Progress = trainer.Fit(plan, resume ? state.Progress : null) };
        return state.ToModel();
    }
}

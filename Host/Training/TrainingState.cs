using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// Everything needed to continue a run: current parameters, Adam's moments and step
/// count, the epochs done, the best parameters so far and the history.
/// </summary>
public sealed record TrainingState(HeadKind Kind, TrainingOptions Options, IReadOnlyList<string> ClassNames, int FeatureDimension)
    : ICheckpointState
{
    public int EpochsDone { get; init; }
    public Dictionary<string, double[]> Parameters { get; init; } = [];
    public long AdamSteps { get; init; }
    public double[][] AdamFirst { get; init; } = [];
    public double[][] AdamSecond { get; init; } = [];
    public int BestEpoch { get; init; }
    public double BestValidationAccuracy { get; init; } = -1;
    public Dictionary<string, double[]> BestParameters { get; init; } = [];
    public List<EpochMetrics> History { get; init; } = [];

    public IEnumerable<(string Field, double[] Values)> NumericFields() =>
        Checkpoint.Named("parameters", Parameters)
            .Concat(Checkpoint.Named("best_parameters", BestParameters))
            .Concat(AdamFirst.Select((v, i) => ($"adam_first[{i}]", v)))
            .Concat(AdamSecond.Select((v, i) => ($"adam_second[{i}]", v)));

    public TrainingState After(EpochMetrics metrics, Head head, Adam adam)
    {
        var current = Snapshot(head);
        var optimiser = AdamState.Of(adam);
        bool better = metrics.ValidationAccuracy > BestValidationAccuracy;
        return this with
        {
            EpochsDone = metrics.Epoch,
            Parameters = current,
            AdamSteps = optimiser.Steps,
            AdamFirst = optimiser.First,
            AdamSecond = optimiser.Second,
            BestEpoch = better ? metrics.Epoch : BestEpoch,
            BestValidationAccuracy = better ? metrics.ValidationAccuracy : BestValidationAccuracy,
            BestParameters = better ? current : BestParameters,
            History = [.. History, metrics],
        };
    }

    /// <summary>Throws, naming what differs, unless a run with these settings may continue from this state.</summary>
    public void CheckResumable(TrainingOptions options, int featureDimension, IReadOnlyList<string> classNames)
    {
        var differences = options.Differences(Options).Where(d => d.Option != "--epochs").ToList();
        if (differences.Count > 0)
            throw new UserError("cannot resume: " + string.Join("; ", differences.Select(d => $"{d.Option} is {d.Given} here, {d.Recorded} in the checkpoint")) +
                " (only --epochs may change; repeat the run's options).");
        if (featureDimension != FeatureDimension)
            throw new UserError($"cannot resume: the features have dimension {featureDimension}, the checkpoint {FeatureDimension}.");
        if (!classNames.SequenceEqual(ClassNames))
            throw new UserError($"cannot resume: classes [{string.Join(", ", classNames)}] differ from the checkpoint's [{string.Join(", ", ClassNames)}].");
    }

    /// <summary>Loads this state into a freshly built head and optimiser, after checking they match.</summary>
    public TrainingState ResumeInto(Head head, Adam adam, TrainingOptions options, int featureDimension, IReadOnlyList<string> classNames)
    {
        CheckResumable(options, featureDimension, classNames);
        Parameter.LoadAll(head.Parameters, Parameters, "the checkpoint");
        new AdamState(AdamSteps, AdamFirst, AdamSecond).RestoreInto(adam);
        return this;
    }

    public TrainedModel ToModel(double seconds) => new(Kind, Options, ClassNames, FeatureDimension,
        BestParameters, BestEpoch, BestValidationAccuracy, History, seconds);

    private static Dictionary<string, double[]> Snapshot(Head head) =>
        head.Parameters.ToDictionary(p => p.Name, p => (double[])p.Value.Clone());
}

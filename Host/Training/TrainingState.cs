using Qtl.Model;

namespace Qtl.Training;

/// <summary>A transfer head's checkpoint: what it was trained with and on, and the <see cref="Trainer"/>'s state.</summary>
public sealed record TrainingState(HeadKind Kind, TrainingOptions Options, IReadOnlyList<string> ClassNames, int FeatureDimension)
    : ICheckpointState
{
    public TrainerState Progress { get; init; } = new();

    public IEnumerable<(string Field, double[] Values)> NumericFields() => Progress.NumericFields();

    /// <summary>Throws, naming what differs, unless a run with these settings may continue from this state.</summary>
    public void CheckResumable(TrainingOptions options, int featureDimension, IReadOnlyList<string> classNames)
    {
        ResumeCheck.Require(options, Options);
        if (featureDimension != FeatureDimension)
            throw new UserError($"cannot resume: the features have dimension {featureDimension}, the checkpoint {FeatureDimension}.");
        if (!classNames.SequenceEqual(ClassNames))
            throw new UserError($"cannot resume: classes [{string.Join(", ", classNames)}] differ from the checkpoint's [{string.Join(", ", ClassNames)}].");
    }

    /// <summary>The best epoch's model; a run with no selection split (no best epoch) gives its last epoch's.</summary>
    public TrainedModel ToModel() => Progress.BestEpoch == 0 && Progress.EpochsDone > 0
        ? new(Kind, Options, ClassNames, FeatureDimension, Progress.Parameters, Progress.EpochsDone, Progress.BestAccuracy, Progress.History, Progress.Seconds)
        : new(Kind, Options, ClassNames, FeatureDimension, Progress.BestParameters, Progress.BestEpoch, Progress.BestAccuracy, Progress.History, Progress.Seconds);
}

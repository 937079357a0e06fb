using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// Where the <see cref="Trainer"/> stands after an epoch: the parameters, every group's Adam state, the best epoch so
/// far by the selection split, and the history. Every checkpoint holds one, so every run resumes the same way.
/// </summary>
public sealed record TrainerState
{
    public int EpochsDone { get; init; }
    public Dictionary<string, double[]> Parameters { get; init; } = [];
    /// <summary>One per parameter group, in the plan's order.</summary>
    public IReadOnlyList<AdamState> Optimisers { get; init; } = [];
    public int BestEpoch { get; init; }
    public double BestAccuracy { get; init; } = -1;
    public Dictionary<string, double[]> BestParameters { get; init; } = [];
    public List<EpochMetrics> History { get; init; } = [];

    /// <summary>Training time of every epoch, also those before a resume.</summary>
    public double Seconds => History.Sum(h => h.Seconds);

    public IEnumerable<(string Field, double[] Values)> NumericFields() =>
        Checkpoint.Named("parameters", Parameters)
            .Concat(Checkpoint.Named("best_parameters", BestParameters))
            .Concat(Optimisers.SelectMany((a, i) =>
                a.First.Select((v, j) => ($"optimisers[{i}].first[{j}]", v)).Concat(a.Second.Select((v, j) => ($"optimisers[{i}].second[{j}]", v)))));

    /// <summary>Loads this state into a freshly built model and its optimisers, after checking they match.</summary>
    public void RestoreInto(Head model, IReadOnlyList<Adam> optimisers)
    {
        Parameter.LoadAll(model.Parameters, Parameters, "the checkpoint");
        if (Optimisers.Count != optimisers.Count)
            throw new InvalidDataException($"the checkpoint holds {Optimisers.Count} optimisers; the model has {optimisers.Count} parameter groups.");
        for (int i = 0; i < optimisers.Count; i++) Optimisers[i].RestoreInto(optimisers[i]);
    }
}

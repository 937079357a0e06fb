using Qtl.Data;
using Qtl.Training;

namespace Qtl.Benchmarks;

/// <summary>
/// What <c>reproduce transfer</c> runs. Defaults: four FashionMNIST pairs from hardest to easiest for ImageNet
/// features, five seeds, the paper's data sizes (ants/bees: 244 training and 153 validation images; here 122 + 77
/// per class, drawn from the train split per seed), every t10k image of the two classes as the test set, the
/// published recipe, and ablations of depth and qubits on the hardest pair.
/// </summary>
public sealed record TransferBenchmarkOptions
{
    public static readonly IReadOnlyList<BenchmarkTask> DefaultTasks =
        [new(0, 6), new(2, 4), new(7, 9), new(0, 1)];

    public IReadOnlyList<BenchmarkTask> Tasks { get; init; } = DefaultTasks;
    public int Seeds { get; init; } = 5;
    public int TrainPerClass { get; init; } = 122;
    public int ValidationPerClass { get; init; } = 77;
    /// <summary>Test images per class from t10k; null = all (1000 per class).</summary>
    public int? TestPerClass { get; init; }
    /// <summary>The published recipe; its backend (native) runs the table.</summary>
    public TrainingOptions Recipe { get; init; } = new() { Backend = Quantum.BackendKind.Native };
    public IReadOnlyList<int> AblationDepths { get; init; } = [0, 1, 3, 6];
    public IReadOnlyList<int> AblationQubits { get; init; } = [2, 4, 6, 8];
    /// <summary>Epochs of the cross-check of one cell on the qsharp backend (0 = no check).</summary>
    public int QSharpCheckEpochs { get; init; } = 30;
    public string? DataPath { get; init; }
    public string? CacheDir { get; init; }

    /// <summary>The ablations run on the first task (the hardest pair by default).</summary>
    public BenchmarkTask AblationTask => Tasks[0];

    public TransferBenchmarkOptions Validate()
    {
        if (Tasks.Count == 0) throw new UserError("no tasks: at least one class pair is needed.");
        foreach (var t in Tasks) FashionMnist.ValidateClasses(t.Classes);
        Check(Seeds is >= 1 and <= 100, $"seeds is {Seeds}; allowed: 1 to 100.");
        Check(TrainPerClass >= 1 && ValidationPerClass >= 1, $"per-class sizes {TrainPerClass} train, {ValidationPerClass} validation; allowed: 1 or more each.");
        Check(TestPerClass is null or >= 1, $"test per class is {TestPerClass}; allowed: 1 or more (or all).");
        Check(QSharpCheckEpochs >= 0, $"qsharp check epochs is {QSharpCheckEpochs}; allowed: 0 (no check) or more.");
        Check(AblationDepths.All(d => d is >= 0 and <= Quantum.CircuitShape.MaxDepth), $"ablation depths must lie in 0 to {Quantum.CircuitShape.MaxDepth}.");
        Check(AblationQubits.All(q => q is >= 1 and <= Quantum.CircuitShape.MaxQubits), $"ablation qubits must lie in 1 to {Quantum.CircuitShape.MaxQubits}.");
        Recipe.Validate();
        return this;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new UserError(message);
    }
}

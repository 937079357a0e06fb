using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Training;

namespace Qtl.Benchmarks;

/// <summary>
/// The registry of benchmark models and their default grids, each of 8 settings (2 learning rates × 2 capacities × 2 L2,
/// 4 learning rates × 2 L2 for the linear model, which has no capacity, and 2 capacities × 4 L2 for ML.NET's trainers,
/// which have no learning rate): every model gets the same number of tries.
/// The dressed circuit and its controls use <see cref="Heads"/> as <c>train</c> does.
/// </summary>
public static class BenchmarkModels
{
    private static readonly double[] L2 = [0, 1e-3];
    private static readonly double[] MlNetL2 = [1e-3, 1e-2, 0.1, 1];

    public static readonly IReadOnlyList<BenchmarkModelEntry> All =
    [
        new(BenchmarkModel.Quantum, "quantum (dressed circuit)", true, "depth", new([0.003, 0.03], [2, 6], L2), i => Circuit(i, i.Qubits, i.Setting.Capacity!.Value, entangling: true)),
        new(BenchmarkModel.QuantumSeparable, "quantum, separable (no CNOTs)", true, "depth", new([0.003, 0.03], [2, 6], L2), i => Circuit(i, i.Qubits, i.Setting.Capacity!.Value, entangling: false)),
        new(BenchmarkModel.QuantumDepth0, "quantum, depth 0", true, "qubits", new([0.003, 0.03], [2, 4], L2), i => Circuit(i, i.Setting.Capacity!.Value, 0, entangling: true)),
        new(BenchmarkModel.Classical, "classical, same shape", false, "width", new([0.003, 0.03], [2, 4], L2), i => Standard(i, HeadKind.Classical, i.Setting.Capacity!.Value)),
        new(BenchmarkModel.Linear, "linear", false, null, new([0.001, 0.003, 0.01, 0.03], [], L2), i => Standard(i, HeadKind.Linear, 1)),
        new(BenchmarkModel.Mlp, "MLP, width tuned", false, "width", new([0.003, 0.03], [8, 32], L2), Mlp),
        // ML.NET's trainers have no learning rate: their own capacity axis and four L2 strengths (ML.NET's default for L-BFGS is 1).
        new(BenchmarkModel.Lbfgs, "ML.NET L-BFGS maximum entropy", false, "history", new([], [5, 20], MlNetL2), i => MlNetFit.Predict(i, HeadKind.Lbfgs)),
        new(BenchmarkModel.Sdca, "ML.NET SDCA maximum entropy", false, "iterations", new([], [10, 100], MlNetL2), i => MlNetFit.Predict(i, HeadKind.Sdca)),
    ];

    public static BenchmarkModelEntry Of(BenchmarkModel model) => All.Single(e => e.Model == model);

    private static int[] Circuit(FitInput i, int qubits, int depth, bool entangling)
    {
        var gradient = i.Backend.Capabilities.Supports(GradientMethod.Adjoint) ? GradientMethod.Adjoint : GradientMethod.ParameterShift;
        var options = new TrainingOptions { Qubits = qubits, Depth = depth, Separable = !entangling, Seed = i.Seed, Backend = i.Backend.Capabilities.Kind, GradientMethod = gradient };
        return HeadFit.Predict(Heads.Create(HeadKind.Quantum, i.TrainInputs[0].Length, i.Classes, options, i.Backend), i);
    }

    private static int[] Standard(FitInput i, HeadKind kind, int width) =>
        HeadFit.Predict(Heads.Create(kind, i.TrainInputs[0].Length, i.Classes, new TrainingOptions { Qubits = width, Seed = i.Seed }), i);

    /// <summary>One hidden tanh layer of the setting's width: the classical model whose size the search chooses.</summary>
    private static int[] Mlp(FitInput i)
    {
        var rng = new Random(i.Seed);
        int width = i.Setting.Capacity!.Value;
        return HeadFit.Predict(new Head([new Linear("hidden", i.TrainInputs[0].Length, width, rng), new Tanh(), new Linear("post", width, i.Classes, rng)]), i);
    }
}

using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Training;

/// <summary>
/// Everything that decides a training run. Defaults are the published recipe of the
/// dressed quantum circuit (Mari et al. 2019, PennyLane demo): 4 qubits, depth 6,
/// Adam lr 0.0004, batch 4, StepLR every 10 epochs × 0.1, q_delta 0.01.
/// </summary>
public sealed record TrainingOptions
{
    public int Qubits { get; init; } = 4;
    public int Depth { get; init; } = 6;
    [OptionName("--lr")]
    public double LearningRate { get; init; } = 0.0004;
    public int BatchSize { get; init; } = 4;
    public int Epochs { get; init; } = 30;
    public int StepSize { get; init; } = 10;
    public double Gamma { get; init; } = 0.1;
    public double QDelta { get; init; } = 0.01;
    public int Seed { get; init; } = 42;
    public BackendKind Backend { get; init; } = BackendKind.QSharp;
    [OptionName("--gradient")]
    public GradientMethod GradientMethod { get; init; } = GradientMethod.ParameterShift;

    /// <summary>
    /// Shots per circuit for the quantum head (0 = exact), in training and evaluation alike: with shots,
    /// parameter-shift estimates every shifted circuit from that many shots. Needs parameter-shift.
    /// </summary>
    public int Shots { get; init; }

    /// <summary>The separable control: the same circuit without its CNOTs, so the quantum head never entangles.</summary>
    public bool Separable { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public CircuitShape Shape => new(Qubits, Depth, entangling: !Separable);

    /// <summary>The learning rate of every epoch: StepLR.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public StepLR Schedule => new(LearningRate, StepSize, Gamma);

    /// <summary>Throws with a message naming the option and what is allowed.</summary>
    public TrainingOptions Validate()
    {
        Check(Qubits is >= 1 and <= CircuitShape.MaxQubits, $"qubits is {Qubits}; allowed: 1 to {CircuitShape.MaxQubits}.");
        Check(Depth is >= 0 and <= CircuitShape.MaxDepth, $"depth is {Depth}; allowed: 0 to {CircuitShape.MaxDepth}.");
        Check(double.IsFinite(LearningRate) && LearningRate > 0 && LearningRate < 10, $"lr is {LearningRate}; allowed: a number in (0, 10).");
        Check(BatchSize is >= 1 and <= 100_000, $"batch size is {BatchSize}; allowed: 1 to 100000.");
        Check(Epochs is >= 1 and <= 100_000, $"epochs is {Epochs}; allowed: 1 to 100000.");
        Check(StepSize >= 1, $"step size is {StepSize}; allowed: 1 or more.");
        Check(double.IsFinite(Gamma) && Gamma > 0 && Gamma <= 1, $"gamma is {Gamma}; allowed: (0, 1].");
        Check(double.IsFinite(QDelta) && QDelta >= 0, $"q-delta is {QDelta}; allowed: 0 or more.");
        Check(Shots is >= 0 and <= Backends.MaxShots, $"shots is {Shots}; allowed: 0 (exact) to {Backends.MaxShots}.");
        Check(Shots == 0 || GradientMethod != GradientMethod.Adjoint,
            $"shots {Shots} need gradient 'parameter-shift': adjoint reads the exact state, which shots do not give; allowed: --shots 0 with adjoint.");
        Backends.CapabilitiesOf(Backend).Require(GradientMethod, Shots, Backend.Text());
        return this;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new UserError(message);
    }
}

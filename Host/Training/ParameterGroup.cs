using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// Parameters that share one Adam optimiser and one learning-rate schedule (as PyTorch's param_groups), with an optional
/// L2 penalty <see cref="WeightDecay"/> (PyTorch Adam's weight_decay: λ·w added to the gradient; 0 leaves every bit as without it).
/// </summary>
public sealed record ParameterGroup(string Name, IReadOnlyList<Parameter> Parameters, StepLR LearningRate)
{
    public double WeightDecay { get; init; }
}

using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// Everything that differs between the product's experiments, made explicit for the one <see cref="Trainer"/>:
/// the model, its data and loss, parameter groups (one Adam and learning rate each), sampling, the number of
/// epochs and, optionally, epoch selection (without it the last epoch's parameters are the result).
/// </summary>
public sealed record TrainingPlan(Head Model, TrainingSet Data, ILoss Loss, IReadOnlyList<ParameterGroup> Groups, ISampler Sampler, int Epochs)
{
    public EpochSelection? Selection { get; init; }
}

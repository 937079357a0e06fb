using System.Diagnostics;
using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// The one epoch loop of the product: transfer heads, distilled students and the published protocol's students all
/// train here, with what differs between them in the <see cref="TrainingPlan"/>. Each step averages the loss over the
/// batch, backpropagates through the model's layers and steps one Adam per parameter group; each epoch scores the
/// selection split (if any), keeps the best epoch's parameters and reports its state, which a caller checkpoints.
/// A run resumed from such a state ends with the bits of an uninterrupted one when the sampler is resumable.
/// </summary>
public sealed class Trainer
{
    public event Action<TrainerStep>? StepCompleted;

    /// <summary>After every epoch, with the state to checkpoint; its last history entry is the epoch's metrics.</summary>
    public event Action<TrainerState>? EpochCompleted;

    public TrainerState Fit(TrainingPlan plan, TrainerState? resumeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var (model, data, sampler) = (plan.Model, plan.Data, plan.Sampler);
        if (data.Count == 0) throw new ArgumentException("no training samples.", nameof(plan));
        if (plan.Groups.Count == 0) throw new ArgumentException("a plan needs at least one parameter group.", nameof(plan));
        var optimisers = plan.Groups.Select(g => new Adam(g.Parameters)).ToArray();
        var state = new TrainerState();
        if (resumeFrom is not null)
        {
            if (!sampler.Resumable)
                throw new InvalidOperationException("this plan's sampling depends on everything drawn before, so it cannot resume part-way.");
            resumeFrom.RestoreInto(model, optimisers);
            state = resumeFrom;
        }

        int steps = (data.Count + sampler.BatchSize - 1) / sampler.BatchSize;
        for (int epoch = state.EpochsDone; epoch < plan.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            int[] order = sampler.Order(data.Count, epoch);
            double lossSum = 0;
            int correct = 0;
            for (int s = 0; s < steps; s++)
            {
                int[] batch = order[(s * sampler.BatchSize)..Math.Min(order.Length, (s + 1) * sampler.BatchSize)];
                model.ZeroGradients();
                var outputs = model.Forward([.. batch.Select(i => data.Inputs[i])], training: true);
                var gradient = new double[batch.Length][];
                for (int b = 0; b < batch.Length; b++)
                {
                    int i = batch[b], label = data.Labels[i];
                    gradient[b] = new double[outputs[b].Length];
                    lossSum += plan.Loss.Compute(outputs[b], label, data.SoftTargets is { } soft ? soft[i] : default, gradient[b]);
                    if (Probabilities.ArgMax(outputs[b]) == label) correct++;
                    for (int k = 0; k < gradient[b].Length; k++) gradient[b][k] /= batch.Length;
                }
                model.Backward(gradient);
                for (int g = 0; g < optimisers.Length; g++) optimisers[g].Step(plan.Groups[g].LearningRate.At(epoch), plan.Groups[g].WeightDecay);
                StepCompleted?.Invoke(new TrainerStep(epoch, plan.Epochs, s + 1, steps));
            }

            SplitScore? score = plan.Selection?.Score(model);
            var metrics = new EpochMetrics(epoch + 1, plan.Groups[0].LearningRate.At(epoch), lossSum / data.Count, correct / (double)data.Count,
                score?.Loss, score?.Accuracy, clock.Elapsed.TotalSeconds);
            var parameters = model.Parameters.ToDictionary(p => p.Name, p => (double[])p.Value.Clone());
            // Strictly better: the first epoch of the best score wins a tie.
            bool better = score is { } sc && sc.Accuracy > state.BestAccuracy;
            state = state with
            {
                EpochsDone = epoch + 1,
                Parameters = parameters,
                Optimisers = [.. optimisers.Select(AdamState.Of)],
                BestEpoch = better ? epoch + 1 : state.BestEpoch,
                BestAccuracy = better ? score!.Value.Accuracy : state.BestAccuracy,
                BestParameters = better ? parameters : state.BestParameters,
                History = [.. state.History, metrics],
            };
            EpochCompleted?.Invoke(state);
        }
        return state;
    }
}

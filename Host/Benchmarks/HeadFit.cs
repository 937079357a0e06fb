using Qtl.Model;
using Qtl.Training;

namespace Qtl.Benchmarks;

/// <summary>
/// Fits a head through the product's one <see cref="Trainer"/>: cross-entropy, one Adam at the setting's constant
/// learning rate with its L2 as weight decay, the (seed, epoch) shuffle, a fixed number of epochs and the last
/// epoch's weights (no early stopping: nothing but the training data decides the model). Returns the predicted classes.
/// </summary>
public static class HeadFit
{
    public static int[] Predict(Head head, FitInput input)
    {
        var plan = new TrainingPlan(head, new TrainingSet(input.TrainInputs, input.TrainLabels), CrossEntropyLoss.Instance,
            [new ParameterGroup("head", head.Parameters, new StepLR(input.Setting.LearningRate ?? throw new ArgumentException("a head fitted by the trainer needs a learning rate.", nameof(input)))) { WeightDecay = input.Setting.L2 }],
            new SeededShuffle(input.Seed, input.BatchSize), input.Epochs);
        new Trainer().Fit(plan);
        return [.. head.Predict(input.EvalInputs).Select(o => Probabilities.ArgMax(o))];
    }
}

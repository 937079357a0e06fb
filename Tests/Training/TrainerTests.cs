using Qtl.Model;
using Qtl.Training;

namespace Qtl.Tests.Training;

/// <summary>The one epoch loop, on a linear model whose training is exact and quick.</summary>
public class TrainerTests
{
    private static TrainingSet Data()
    {
        var rng = new Random(5);
        var x = Enumerable.Range(0, 24).Select(i => new[] { (i % 2 == 0 ? -1.0 : 1.0) + 0.8 * (rng.NextDouble() - 0.5), rng.NextDouble() - 0.5 }).ToArray();
        return new TrainingSet(x, [.. Enumerable.Range(0, 24).Select(i => i % 2)]);
    }

    private static (Head Model, Linear Layer) Model() { var l = new Linear("fc", 2, 2, new Random(1)); return (new Head([l]), l); }

    private static TrainingPlan Plan(Head model, ISampler sampler, int epochs = 4, double rate = 0.05) =>
        new(model, Data(), CrossEntropyLoss.Instance, [new ParameterGroup("all", model.Parameters, new StepLR(rate))], sampler, epochs);

    [Test]
    public void AGroupWithRateZeroKeepsItsParametersWhileTheOtherTrains()
    {
        var (model, _) = Model();
        var (weight, bias) = (model.Parameters[0], model.Parameters[1]);
        double[] biasBefore = (double[])bias.Value.Clone(), weightBefore = (double[])weight.Value.Clone();
        var plan = Plan(model, new SeededShuffle(1, 4)) with
        {
            Groups = [new("weights", [weight], new StepLR(0.05)), new("bias", [bias], new StepLR(0))],
        };
        var state = new Trainer().Fit(plan);
        Assert.That(bias.Value, Is.EqualTo(biasBefore));
        Assert.That(weight.Value, Is.Not.EqualTo(weightBefore));
        Assert.That(state.Optimisers, Has.Count.EqualTo(2), "one Adam per group");
    }

    [Test]
    public void SelectionKeepsTheFirstEpochOfTheBestScore()
    {
        var (model, _) = Model();
        double[] scores = [0.5, 0.75, 0.75, 0.6];
        int epoch = 0;
        var plan = Plan(model, new SeededShuffle(1, 4)) with { Selection = new EpochSelection(_ => new SplitScore(scores[epoch++])) };
        var state = new Trainer().Fit(plan);
        Assert.That(state.BestEpoch, Is.EqualTo(2), "a tie keeps the earlier epoch");
        Assert.That(state.BestAccuracy, Is.EqualTo(0.75));
        Assert.That(state.BestParameters, Is.Not.EqualTo(state.Parameters), "the kept parameters are epoch 2's, not the last");
        Assert.That(state.History.Select(h => h.ValidationAccuracy), Is.EqualTo(scores.Select(s => (double?)s)));
    }

    [Test]
    public void WithoutSelectionTheLastEpochIsKept()
    {
        var (model, _) = Model();
        var state = new Trainer().Fit(Plan(model, new SeededShuffle(1, 4)));
        Assert.That(state.BestParameters, Is.Empty, "nothing is selected: the model holds the last epoch's parameters");
        Assert.That(state.BestEpoch, Is.Zero);
        Assert.That(state.History.All(h => h.ValidationAccuracy is null), Is.True);
        Assert.That(state.History[^1].TrainLoss, Is.LessThan(state.History[0].TrainLoss), "the loss falls");
    }

    [Test]
    public void ResumingFromAnEpochStateGivesTheBitsOfAnUninterruptedRun()
    {
        var (whole, _) = Model();
        var expected = new Trainer().Fit(Plan(whole, new SeededShuffle(7, 5), epochs: 5));

        var (first, _) = Model();
        var afterTwo = new Trainer().Fit(Plan(first, new SeededShuffle(7, 5), epochs: 2));
        var (second, _) = Model();
        var resumed = new Trainer().Fit(Plan(second, new SeededShuffle(7, 5), epochs: 5), afterTwo);

        foreach (var (name, value) in expected.Parameters) Assert.That(resumed.Parameters[name], Is.EqualTo(value), name);
        Assert.That(resumed.History.Select(h => h.TrainLoss), Is.EqualTo(expected.History.Select(h => h.TrainLoss)));
    }

    [Test]
    public void AGeneratorShuffleCannotResumePartWay()
    {
        var (model, _) = Model();
        var state = new Trainer().Fit(Plan(model, new GeneratorShuffle(new Random(1)), epochs: 1));
        Assert.Throws<InvalidOperationException>(() => new Trainer().Fit(Plan(Model().Model, new GeneratorShuffle(new Random(1)), epochs: 2), state));
    }

    [Test]
    public void TheBatchLossIsTheMeanOfTheSamples()
    {
        // One step on the whole set: the gradient the optimiser sees is the mean of the per-sample gradients.
        var (model, layer) = Model();
        var data = Data();
        var expected = new double[layer.Parameters[0].Value.Length];
        int[] order = SeededShuffle.Shuffle(data.Count, 1, 0);
        var logits = model.Forward([.. order.Select(i => data.Inputs[i])], training: true);
        var g = new double[data.Count][];
        for (int b = 0; b < data.Count; b++)
        {
            g[b] = new double[2];
            CrossEntropyLoss.Instance.Compute(logits[b], data.Labels[order[b]], default, g[b]);
            for (int k = 0; k < 2; k++) g[b][k] /= data.Count;
        }
        model.ZeroGradients();
        model.Backward(g);
        layer.Parameters[0].Gradient.CopyTo(expected, 0);

        var (other, otherLayer) = Model();
        double[] captured = [];
        var trainer = new Trainer();
        // Gradients stay until the next step's zeroing, so the step's event sees what Adam used.
        trainer.StepCompleted += _ => captured = (double[])otherLayer.Parameters[0].Gradient.Clone();
        trainer.Fit(Plan(other, new SeededShuffle(1, data.Count), epochs: 1));
        Assert.That(captured, Is.EqualTo(expected), "the same sums in the same order give the same bits");
    }
}

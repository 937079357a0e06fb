using Qtl.Benchmarks;
using Qtl.Quantum;

namespace Qtl.Tests.Benchmarks;

/// <summary>ML.NET's trainers as benchmark models: 8 settings like every model, deterministic, and they learn.</summary>
public class MlNetFitTests
{
    private static FitInput Input(GridSetting setting, int seed)
    {
        var rng = new Random(4);
        double[] Sample(int c) => [.. Enumerable.Range(0, 6).Select(f => (f == c ? 1.5 : 0) + rng.NextDouble() - 0.5)];
        int[] labels = [.. Enumerable.Range(0, 90).Select(i => i % 3)];
        var inputs = labels.Select(Sample).ToArray();
        return new FitInput(inputs[..60], labels[..60], 3, inputs[60..], setting, seed, 40, 16, 4, new NativeBackend());
    }

    [TestCase(BenchmarkModel.Lbfgs)]
    [TestCase(BenchmarkModel.Sdca)]
    public void TheTrainerLearnsAndTheSameSeedGivesTheSamePredictions(BenchmarkModel model)
    {
        var entry = BenchmarkModels.Of(model);
        Assert.That(entry.DefaultGrid.Settings, Has.Count.EqualTo(8), "the same number of tries as every other model");
        Assert.That(entry.IsQuantum, Is.False);
        var setting = entry.DefaultGrid.Settings[1];
        int[] first = entry.Fit(Input(setting, seed: 3)), again = entry.Fit(Input(setting, seed: 3));
        Assert.That(again, Is.EqualTo(first));
        int[] truth = [.. Enumerable.Range(60, 30).Select(i => i % 3)];
        double accuracy = first.Zip(truth, (p, t) => p == t ? 1.0 : 0).Average();
        Assert.That(accuracy, Is.GreaterThan(0.8), $"{model} on three separated classes");
    }
}

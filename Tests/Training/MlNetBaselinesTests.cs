using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Tests.Training;

public class MlNetBaselinesTests
{
    /// <summary>Three overlapping classes, so the fits differ from a perfect separation and from each other.</summary>
    private static (FeatureSet Train, FeatureSet Validation) ThreeClasses()
    {
        var rng = new Random(5);
        FeatureSet Split(int perClass)
        {
            var x = new List<double[]>();
            var y = new List<int>();
            for (int c = 0; c < 3; c++)
                for (int i = 0; i < perClass; i++)
                {
                    // Non-negative and of different scales per feature, as pooled ResNet features are.
                    x.Add(Enumerable.Range(0, 5).Select(f => (float)(Math.Abs((f == c ? 2.0 : 0.5) + rng.NextDouble() * 1.5) * (f + 1))).Select(v => (double)v).ToArray());
                    y.Add(c);
                }
            return new FeatureSet([.. x], [.. y], ["a", "b", "c"]);
        }
        return (Split(30), Split(10));
    }

    [TestCase(HeadKind.Lbfgs)]
    [TestCase(HeadKind.Sdca)]
    public void ProbabilitiesEqualMlNetsScoreToFloatPrecision(HeadKind kind)
    {
        var (train, validation) = ThreeClasses();
        var model = MlNetBaselines.Fit(kind, train, validation, new TrainingOptions { Seed = 7 });

        var ml = new MLContext(7);
        var fitted = MlNetBaselines.Pipeline(ml, kind).Fit(MlNetBaselines.ToDataView(ml, train));
        float[][] scores = fitted.Transform(MlNetBaselines.ToDataView(ml, validation)).GetColumn<float[]>("Score").ToArray();
        double[][] ours = model.Logits(validation.Features).Select(l => Probabilities.Softmax(l)).ToArray();
        for (int i = 0; i < validation.Count; i++)
            Assert.That(ours[i], Is.EqualTo(scores[i].Select(s => (double)s)).Within(2e-6), $"sample {i}");
        Assert.That(model.BestValidationAccuracy, Is.InRange(0.6, 1.0));
    }

    [TestCase(HeadKind.Lbfgs)]
    [TestCase(HeadKind.Sdca)]
    public void TheSameSeedGivesTheSameBitsAndOneFitIsOneEpoch(HeadKind kind)
    {
        var (train, validation) = ThreeClasses();
        var a = MlNetBaselines.Fit(kind, train, validation, new TrainingOptions { Seed = 3 });
        var b = MlNetBaselines.Fit(kind, train, validation, new TrainingOptions { Seed = 3 });
        Assert.That(b.Parameters["fc.weight"], Is.EqualTo(a.Parameters["fc.weight"]));
        Assert.That(b.Parameters["fc.bias"], Is.EqualTo(a.Parameters["fc.bias"]));
        Assert.That(a.History, Has.Count.EqualTo(1));
        Assert.That(a.BestEpoch, Is.EqualTo(1));
        Assert.That(a.History[0].ValidationAccuracy, Is.EqualTo(a.BestValidationAccuracy));
        Assert.That(a.Build().Describe(), Is.EqualTo("Linear(5→3)"));
    }

    [Test]
    public void WithoutAValidationSplitTheFitHasNoValidationScore()
    {
        var (train, _) = ThreeClasses();
        var model = MlNetBaselines.Fit(HeadKind.Lbfgs, train, null, new TrainingOptions());
        Assert.That(model.History[0].ValidationAccuracy, Is.Null);
        Assert.That(model.History[0].TrainAccuracy, Is.GreaterThan(0.6));
    }

    [Test]
    public void TheProductsTrainerRefusesAnMlNetBaseline()
    {
        var (train, validation) = ThreeClasses();
        var e = Assert.Throws<ArgumentException>(() => new TransferTrainer(new TrainingOptions { Backend = BackendKind.Native })
            .Train(HeadKind.Sdca, train, validation));
        Assert.That(e!.Message, Does.Contain("fitted by ML.NET"));
    }
}

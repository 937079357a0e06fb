using Qtl.Distillation;
using Qtl.Model;

namespace Qtl.Tests.Distillation;

public class KdLossTests
{
    [Test]
    public void WithoutATeacherTheLossIsCrossEntropy()
    {
        double[] logits = [Math.Log(0.2), Math.Log(0.5), Math.Log(0.3)];
        var g = new double[3];
        double loss = new KdLoss(3, 0.9).Compute(logits, 1, default, g);
        Assert.That(loss, Is.EqualTo(-Math.Log(0.5)).Within(1e-12));
        Assert.That(g, Is.EqualTo(new[] { 0.2, -0.5, 0.3 }).Within(1e-12));
    }

    [Test]
    public void KlTermVanishesWhenTheStudentMatchesTheTeacher()
    {
        double[] logits = [0.3, -1.2, 0.8, 0.1];
        var soft = new double[4];
        Probabilities.Softmax(logits, 3, soft);
        var g = new double[4];
        double loss = new KdLoss(3, 1.0).Compute(logits, 2, soft, g);
        Assert.That(loss, Is.EqualTo(0).Within(1e-12));
        Assert.That(g, Is.EqualTo(new double[4]).Within(1e-12));
    }

    [Test]
    public void KnownValue()
    {
        // Two classes, T = 2, λ = 0.5: teacher soft [0.8, 0.2]; student logits [0, 0] → q = [0.5, 0.5].
        var g = new double[2];
        double loss = new KdLoss(2, 0.5).Compute([0.0, 0.0], 0, [0.8, 0.2], g);
        double kl = 0.8 * Math.Log(0.8 / 0.5) + 0.2 * Math.Log(0.2 / 0.5);
        Assert.That(loss, Is.EqualTo(0.5 * Math.Log(2) + 0.5 * 4 * kl).Within(1e-12));
    }

    [Test]
    public void GradientMatchesFiniteDifferences()
    {
        var rng = new Random(3);
        for (int trial = 0; trial < 5; trial++)
        {
            int c = 6;
            var logits = Enumerable.Range(0, c).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
            var teacher = new double[c];
            Probabilities.Softmax(Enumerable.Range(0, c).Select(_ => rng.NextDouble() * 6 - 3).ToArray(), 3, teacher);
            var g = new double[c];
            new KdLoss(3, 0.9).Compute(logits, trial % c, teacher, g);
            var scratch = new double[c];
            for (int k = 0; k < c; k++)
            {
                const double h = 1e-6;
                var plus = (double[])logits.Clone(); plus[k] += h;
                var minus = (double[])logits.Clone(); minus[k] -= h;
                double fd = (new KdLoss(3, 0.9).Compute(plus, trial % c, teacher, scratch) - new KdLoss(3, 0.9).Compute(minus, trial % c, teacher, scratch)) / (2 * h);
                Assert.That(g[k], Is.EqualTo(fd).Within(1e-7), $"trial {trial}, logit {k}");
            }
        }
    }

    [Test]
    public void ReadoutClampsLogOfZeroAndRenormalisesTheFirstClasses()
    {
        double[] p = [0.2, 0.0, 0.2, 0.6];
        var logits = new double[3];
        ClassReadout.Logits(p, logits);
        Assert.That(logits[0], Is.EqualTo(Math.Log(0.5)).Within(1e-12));
        Assert.That(logits[1], Is.EqualTo(Math.Log(ClassReadout.Epsilon)).Within(1e-12));
        var readout = new ClassReadout(3);
        readout.Forward([p], training: true);
        var dp = readout.Backward([[1.0, 1.0, 1.0]])[0];
        Assert.That(dp.All(double.IsFinite), Is.True);
        Assert.That(dp[3], Is.Zero, "outcomes beyond the classes get no gradient");
    }
}

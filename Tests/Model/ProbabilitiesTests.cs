using Qtl.Model;

namespace Qtl.Tests.Model;

public class ProbabilitiesTests
{
    [Test]
    public void SoftmaxMatchesItsDefinitionAndSurvivesLargeLogits()
    {
        double[] logits = [1, 2, 3];
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.That(Probabilities.Softmax(logits), Is.EqualTo(new[] { Math.Exp(1) / z, Math.Exp(2) / z, Math.Exp(3) / z }).Within(1e-15));
        double zt = Math.Exp(0.5) + Math.Exp(1) + Math.Exp(1.5);
        Assert.That(Probabilities.Softmax(logits, temperature: 2), Is.EqualTo(new[] { Math.Exp(0.5) / zt, Math.Exp(1) / zt, Math.Exp(1.5) / zt }).Within(1e-15));
        Assert.That(Probabilities.Softmax([1000.0, 1000.0]), Is.EqualTo(new[] { 0.5, 0.5 }), "shifted by the maximum: no overflow");
    }

    [Test]
    public void ArgMaxTakesTheFirstOfEqualMaxima()
    {
        Assert.That(Probabilities.ArgMax([0.1, 0.7, 0.2]), Is.EqualTo(1));
        Assert.That(Probabilities.ArgMax([0.4, 0.2, 0.4]), Is.EqualTo(0));
        Assert.That(Probabilities.ArgMax([-3.0, -1.0, -1.0]), Is.EqualTo(1));
    }
}

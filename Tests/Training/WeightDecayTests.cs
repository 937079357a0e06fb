using Qtl.Model;

namespace Qtl.Tests.Training;

/// <summary>L2 as Adam's (coupled) weight decay: λ·w joins the gradient, and λ = 0 is the step without it, bit for bit.</summary>
public class WeightDecayTests
{
    [Test]
    public void WeightDecayAddsLambdaTimesTheWeightToTheGradient()
    {
        var decayed = new Parameter("w", [0.5, -2]);
        var plain = new Parameter("w", [0.5, -2]);
        (decayed.Gradient[0], decayed.Gradient[1]) = (0.1, 0.3);
        (plain.Gradient[0], plain.Gradient[1]) = (0.1 + 0.2 * 0.5, 0.3 + 0.2 * -2);
        new Adam([decayed]).Step(0.01, weightDecay: 0.2);
        new Adam([plain]).Step(0.01);
        Assert.That(decayed.Value, Is.EqualTo(plain.Value));
    }

    [Test]
    public void ZeroWeightDecayKeepsEveryBit()
    {
        var a = new Parameter("w", [0.5, -2, 1e-300]);
        var b = new Parameter("w", [0.5, -2, 1e-300]);
        var (adamA, adamB) = (new Adam([a]), new Adam([b]));
        for (int step = 0; step < 5; step++)
        {
            for (int i = 0; i < 3; i++) a.Gradient[i] = b.Gradient[i] = Math.Sin(step + i) * (i == 1 ? -0.0 : 1);
            adamA.Step(0.01);
            adamB.Step(0.01, weightDecay: 0);
        }
        Assert.That(a.Value.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(b.Value.Select(BitConverter.DoubleToInt64Bits)));
    }
}

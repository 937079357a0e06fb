using Qtl.Benchmarks;

namespace Qtl.Tests.Benchmarks;

public class PairedComparisonTests
{
    [Test]
    public void TheIntervalOverSeedsIsStudentTOnThePairedDifferences()
    {
        // Accuracies (of 10 samples) 0.8, 0.7, 0.9 against 0.6, 0.6, 0.6: differences 0.2, 0.1, 0.3.
        string[] model = [Bits(8), Bits(7), Bits(9)], reference = [Bits(6), Bits(6), Bits(6)];
        var c = PairedComparison.Of(model, reference, margin: 0.01, bootstrapSamples: 1000);
        // Hand computation: mean 0.2, s = 0.1, t(0.975, 2) = 4.302652729749464, half width = t·s/√3.
        double half = 4.302652729749464 * 0.1 / Math.Sqrt(3);
        Assert.That(c.Difference.Mean, Is.EqualTo(0.2).Within(1e-15));
        Assert.That(c.Difference.Std, Is.EqualTo(0.1).Within(1e-15));
        Assert.That(c.Difference.Low, Is.EqualTo(0.2 - half).Within(1e-12));
        Assert.That(c.Difference.High, Is.EqualTo(0.2 + half).Within(1e-12));
        Assert.That(c.Verdict, Is.EqualTo(Verdict.Inconclusive), "the interval (−0.05, 0.45) crosses 0");
    }

    [TestCase(-0.005, 0.008, Verdict.Equivalent)]
    [TestCase(0.002, 0.004, Verdict.Equivalent)]
    [TestCase(0.004, 0.03, Verdict.Better)]
    [TestCase(-0.03, -0.02, Verdict.Worse)]
    [TestCase(-0.02, 0.004, Verdict.Inconclusive)]
    [TestCase(-0.02, 0.02, Verdict.Inconclusive)]
    [TestCase(double.NaN, double.NaN, Verdict.Inconclusive)]
    public void TheVerdictReadsTheIntervalAgainstTheMargin(double low, double high, Verdict expected) =>
        Assert.That(PairedComparison.Decide(low, high, 0.01), Is.EqualTo(expected));

    [Test]
    public void TheBootstrapIsSeededAndBracketsTheObservedDifference()
    {
        var rng = new Random(1);
        string Random(double p) => new([.. Enumerable.Range(0, 200).Select(_ => rng.NextDouble() < p ? '1' : '0')]);
        string[] model = [Random(0.8), Random(0.8)], reference = [Random(0.7), Random(0.7)];
        var a = PairedComparison.Bootstrap(model, reference, 2000, 5);
        Assert.That(PairedComparison.Bootstrap(model, reference, 2000, 5), Is.EqualTo(a));
        double observed = model.Zip(reference, (m, r) => (m.Count(x => x == '1') - r.Count(x => x == '1')) / 200.0).Average();
        Assert.That(a.Low, Is.LessThan(observed));
        Assert.That(a.High, Is.GreaterThan(observed));
        Assert.That(a.High - a.Low, Is.InRange(0.04, 0.2), "about ±1.96 standard errors of a difference of proportions at n = 200");
    }

    [Test]
    public void IdenticalModelsAreEquivalentWithAZeroWidthBootstrap()
    {
        string[] bits = [Bits(7), Bits(8), Bits(6)];
        var c = PairedComparison.Of(bits, bits, 0.01, 500);
        Assert.That((c.BootstrapLow, c.BootstrapHigh), Is.EqualTo((0.0, 0.0)));
        Assert.That(c.Verdict, Is.EqualTo(Verdict.Equivalent));
    }

    private static string Bits(int correct) => new string('1', correct) + new string('0', 10 - correct);
}

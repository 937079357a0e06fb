using Qtl.Reports;

namespace Qtl.Tests.Reports;

public class SeedStatisticsTests
{
    [Test]
    public void StatisticsGiveMeanStdAndAStudentTInterval()
    {
        var s = SeedStatistics.Of([0.80, 0.84, 0.82, 0.86, 0.78]);
        Assert.That(s.Mean, Is.EqualTo(0.82).Within(1e-12));
        Assert.That(s.Std, Is.EqualTo(Math.Sqrt(0.001)).Within(1e-12));
        // t(0.975, 4) = 2.7764451: half-width 2.7764451 × 0.0316228 / √5.
        Assert.That(s.High - s.Mean, Is.EqualTo(2.7764451 * Math.Sqrt(0.001) / Math.Sqrt(5)).Within(1e-6));
        Assert.That(SeedStatistics.Of([0.5]).Std, Is.EqualTo(0));
    }
}

using Qtl.Reports;

namespace Qtl.Tests.Reports;

public class PointsTests
{
    [TestCase(-0.0001, "-0.0")]
    [TestCase(0.0004, "+0.0")]
    [TestCase(0.0006, "+0.1")]
    [TestCase(-0.0123, "-1.2")]
    [TestCase(0.0, "+0.0")]
    public void DifferencesArePointsWithTheirSign(double fraction, string text) => Assert.That(Points.Signed(fraction), Is.EqualTo(text));
}

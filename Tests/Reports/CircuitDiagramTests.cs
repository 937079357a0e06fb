using System.Text.RegularExpressions;
using Qtl.Reports;

namespace Qtl.Tests.Reports;

public class CircuitDiagramTests
{
    [Test]
    public void FourQubitsDepthTwoShowsWiresHadamardsCnotsAndRotations()
    {
        double[] inputs = [0.1, 0.2, 0.3, 0.4];
        double[] weights = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.234];

        string svg = Chart.CircuitDiagram(4, inputs, weights);

        Assert.That(svg, Does.StartWith("<svg"));
        Assert.That(Regex.Matches(svg, "class=\"wire\"").Count, Is.EqualTo(4));
        Assert.That(Regex.Matches(svg, ">H</text>").Count, Is.EqualTo(4));
        Assert.That(Regex.Matches(svg, ">Ry</text>").Count, Is.EqualTo(4 + 8), "embedding + one RY layer per block");
        Assert.That(Regex.Matches(svg, "class=\"cnot-target\"").Count, Is.EqualTo(2 * 3), "pairs (0,1),(2,3),(1,2) per block");
        Assert.That(Regex.Matches(svg, "class=\"control\"").Count, Is.EqualTo(6));
        Assert.That(svg, Does.Contain(">1.23</text>"), "angles to 2 decimals");
        Assert.That(svg, Does.Contain(">0.10</text>"));
    }

    [Test]
    public void RejectsWeightsThatAreNotAMultipleOfTheQubitCount()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.CircuitDiagram(4, new double[4], new double[6]))!;
        Assert.That(e.Message, Does.Contain("depth × 4"));
    }
}

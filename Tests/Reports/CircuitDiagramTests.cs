using System.Text.RegularExpressions;
using Qtl.Reports;
using Qtl.Reports.Charting;

namespace Qtl.Tests.Reports;

[Integration]
public class CircuitDiagramTests
{
    [Test]
    public void FourQubitsDepthTwoShowsWiresHadamardsCnotsAndRotations()
    {
        double[] inputs = [0.1, 0.2, 0.3, 0.4];
        double[] weights = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.234];

        string svg = Chart.CircuitDiagram(QdkSession.Runtime, 4, inputs, weights);

        Assert.That(svg, Does.StartWith("<svg").And.Contain("class=\"circuit\""));
        var texts = ChartTests.Texts(svg);
        Assert.That(texts.Where(t => Regex.IsMatch(t, "^q[0-3]$")).Distinct().Count(), Is.EqualTo(4), "wire labels q0..q3");
        Assert.That(Regex.Count(svg, "<path fill=\"none\" stroke=\"#555\"[^>]*d=\"M64 "), Is.EqualTo(4), "one wire per qubit");
        Assert.That(texts.Count(t => t == "H"), Is.EqualTo(4));
        Assert.That(Regex.Count(svg, "<rect fill=\"#FDE7C8\""), Is.EqualTo(4), "H boxes have their own colour");
        Assert.That(texts.Count(t => t == "Ry"), Is.EqualTo(4 + 8), "embedding + one RY layer per block");
        Assert.That(Regex.Count(svg, "<ellipse fill=\"white\"[^>]*rx=\"11\""), Is.EqualTo(2 * 3), "⊕ targets: pairs (0,1),(2,3),(1,2) per block");
        Assert.That(Regex.Count(svg, "<ellipse fill=\"#222\"[^>]*rx=\"5\""), Is.EqualTo(6), "control dots");
        Assert.That(texts, Does.Contain("1.23"), "angles to 2 decimals");
        Assert.That(texts, Does.Contain("0.10"));
    }

    [Test]
    public void MeasurementsAreGreyBoxesMarkedM()
    {
        var measure = new QdkGate("measurement", "Measure", [], false, [1], []);
        string svg = CircuitDrawing.Svg(2, [[measure]]);

        Assert.That(Regex.Count(svg, "<rect fill=\"#E4E4E4\""), Is.EqualTo(1));
        Assert.That(Regex.Count(svg, ">M</text>"), Is.EqualTo(1));
    }

    [Test]
    public void RejectsWeightsThatAreNotAMultipleOfTheQubitCount()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.CircuitDiagram(QdkSession.Runtime, 4, new double[4], new double[6]))!;
        Assert.That(e.Message, Does.Contain("depth × 4"));
    }
}

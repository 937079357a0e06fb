using System.Text.RegularExpressions;
using Qtl.Reports.Charting;
using Qtl.Reports;

namespace Qtl.Tests.Reports;

public partial class ChartTests
{
    private static readonly Curve[] Curves =
    [
        new("quantum", "train", [1.2, 0.9, 0.7]),
        new("quantum", "validation", [1.3, 1.0, 0.8]),
        new("classical", "train", [1.1, 0.8, 0.6]),
    ];

    /// <summary>The words of every &lt;text&gt; element, in document order.</summary>
    internal static List<string> Texts(string svg) => TextElement().Matches(svg).Select(m => m.Groups[1].Value).ToList();

    [Test]
    public void AxisTitlesTickLabelsAndLegendAreTextElementsInTheShippedFont()
    {
        // Without a usable font ScottPlot draws no text at all, silently: this must fail then.
        string svg = Chart.Render(Chart.LossCurves(Curves, title: "Training loss"));

        var texts = Texts(svg);
        Assert.That(texts, Does.Contain("epoch").And.Contain("cross-entropy loss").And.Contain("Training loss"), "axis titles and title");
        Assert.That(texts, Does.Contain("quantum").And.Contain("classical").And.Contain("validation (dashed)"), "legend");
        Assert.That(texts, Does.Contain("1").And.Contain("2").And.Contain("3"), "epoch tick labels");
        Assert.That(Regex.Count(svg, "font-family=\"'DejaVu Sans'"), Is.EqualTo(texts.Count), "every text names the shipped font first");
        Assert.That(ChartFonts.Typeface.FamilyName, Is.EqualTo("DejaVu Sans"), "the embedded font loads");
        Assert.That(ScottPlot.Fonts.Default, Is.EqualTo("DejaVu Sans"), "ScottPlot's default font is the shipped one");
    }

    [Test]
    public void LossCurvesDrawOneColourPerModelAndDashTheSecondSplit()
    {
        string svg = Chart.Render(Chart.LossCurves(Curves));

        Assert.That(svg, Does.StartWith("<svg").And.Contain("viewBox=\"0 0 "));
        string blue = "#1F77B4", orange = "#FF7F0E"; // Category10: first and second model
        // A solid line is one stroked path; a dashed line is many short ones.
        Assert.That(Regex.Count(svg, $"<path fill=\"none\" stroke=\"{orange}\" stroke-width=\"2\""), Is.EqualTo(1 + 1), "classical: one solid train line, and its legend line");
        Assert.That(Regex.Count(svg, $"<path fill=\"none\" stroke=\"{blue}\" stroke-width=\"2\""), Is.GreaterThan(5), "quantum: a solid line plus the dashes of validation");
        Assert.That(Regex.Count(svg, "<ellipse fill=\"white\""), Is.GreaterThanOrEqualTo(3), "open markers on the validation curve");
    }

    [Test]
    public void AccuracyCurvesUseAPercentAxisFromZeroToOne()
    {
        var texts = Texts(Chart.Render(Chart.AccuracyCurves([new("quantum", "validation", [0.4, 0.6, 0.75])])));

        Assert.That(texts, Does.Contain("0%").And.Contain("100%"));
    }

    [Test]
    public void ConfusionMatrixShadesEveryCellAndWritesItsCountWhiteOnDarkCells()
    {
        int[][] counts = [[37, 2, 1], [4, 29, 7], [0, 11, 19]];
        string svg = Chart.Render(Chart.ConfusionMatrix(counts, ["T-shirt", "Trouser", "Pullover"]));

        var cells = Regex.Matches(svg, "<rect fill=\"(#[0-9A-F]{6})\" x=\"[^\"]+\" y=\"[^\"]+\" width=\"([^\"]+)\"").Where(m => double.Parse(m.Groups[2].Value) > 20).ToList();
        Assert.That(cells, Has.Count.EqualTo(9), "one shaded rectangle per (true, predicted), not a blurred bitmap");
        Assert.That(cells.Select(c => c.Groups[1].Value).Distinct().Count(), Is.GreaterThanOrEqualTo(7), "shades follow the counts");
        foreach (int c in counts.SelectMany(row => row))
        {
            string colour = c > 37 * 0.55 ? "white" : "#1B1B1B";
            Assert.That(Regex.IsMatch(svg, $"<text fill=\"{colour}\"[^>]*>{c}</text>"), $"count {c} in {colour}");
        }
        Assert.That(Texts(svg), Does.Contain("Pullover").And.Contain("predicted class").And.Contain("true class").And.Contain("count"));
    }

    [Test]
    public void GroupedBarsDrawOneBarPerValueWithErrorBars()
    {
        string svg = Chart.Render(Chart.GroupedBars(
            [new("0-5", "quantum", 0.81, 0.02), new("0-5", "classical", 0.84, 0.01), new("0-7", "quantum", 0.70, 0.03)], "Accuracy per model", groupTitle: "subset"));

        Assert.That(Regex.Count(svg, "<rect fill=\"#1F77B4\""), Is.EqualTo(2 + 1), "two quantum bars and the legend's box");
        Assert.That(Regex.Count(svg, "<rect fill=\"#FF7F0E\""), Is.EqualTo(1 + 1), "one classical bar and the legend's box");
        Assert.That(Regex.Count(svg, "<path fill=\"none\" stroke=\"#333\""), Is.EqualTo(1), "one error-bar plottable for the three bars");
        Assert.That(Texts(svg), Does.Contain("0-5").And.Contain("0-7").And.Contain("subset").And.Contain("accuracy").And.Contain("quantum").And.Contain("classical"));
    }

    [Test]
    public void ErrorBarLinesOnALogAxisLabelWholeDecades()
    {
        string svg = Chart.Render(Chart.ErrorBarLines(
            [new("quantum", 1e-4, 0.8, 0.01), new("quantum", 1e-3, 0.78, 0.02), new("quantum", 1e-2, 0.6, 0.05)],
            "Accuracy vs noise", "depolarizing probability", "accuracy", logX: true));

        Assert.That(Texts(svg), Does.Contain("0.0001").And.Contain("0.001").And.Contain("0.01").And.Contain("depolarizing probability"));
        Assert.That(Regex.Count(svg, "<ellipse fill=\"#1F77B4\""), Is.EqualTo(3 + 1), "one marker per point, and the legend's");
    }

    [Test]
    public void AFigureDrawnTwiceIsTheSameSvgAndTwoFiguresShareNoId()
    {
        var spec = Chart.LossCurves([new("quantum", "train", [0.9, 0.5, 0.4]), new("quantum", "validation", [1.0, 0.7, 0.6])]);
        string first = Chart.Render(spec), again = Chart.Render(spec);
        string other = Chart.Render(Chart.AccuracyCurves([new("linear", "train", [0.5, 0.8])]));

        Assert.That(again, Is.EqualTo(first), "ids do not come from a counter of the process");
        var ids = Regex.Matches(first, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(ids, Is.Not.Empty);
        Assert.That(Regex.Matches(first, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value), Is.SubsetOf(ids), "every reference names an id of the figure");
        Assert.That(Regex.Matches(other, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value), Has.None.AnyOf(ids.ToArray()), "figures inlined in one page never share an id");
    }

    [Test]
    public void BadInputIsAnArgumentExceptionThatSaysWhatIsWrong()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => Chart.ConfusionMatrix([[0, 0, 0], [0, 0, 0]], ["a", "b"]))!.Message, Does.Contain("2×2"));
        Assert.That(Assert.Throws<ArgumentException>(() => Chart.LossCurves([new("q", "train", [1.0, double.NaN])]))!.Message, Does.Contain("q/train epoch 2").And.Contain("NaN"));
        Assert.That(Assert.Throws<ArgumentException>(() => Chart.GroupedBars([], "empty"))!.Message, Does.Contain("no bars"));
        Assert.That(Assert.Throws<ArgumentException>(() => Chart.ErrorBarLines([new("s", 0, 0.5)], "t", "x", "y", logX: true))!.Message, Does.Contain("x > 0"));
        Assert.That(Assert.Throws<ArgumentException>(() => Chart.ConfusionMatrix([[1, -1], [0, 2]], ["a", "b"]))!.Message, Does.Contain("negative"));
    }

    [Test]
    public void SaveWritesTheSvgAndItsDataAsCsvBesideIt()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-chart").FullName;
        try
        {
            var section = Figure.FromChart("loss", Chart.LossCurves(Curves, title: "Training loss"), dir);

            string file = File.ReadAllText(Path.Combine(dir, "loss.svg"));
            Assert.That(Texts(file), Does.Contain("Training loss"), "the file keeps its title");
            Assert.That(Texts(section.Svg), Does.Not.Contain("Training loss"), "the page heading carries it");
            Assert.That(section.Title, Is.EqualTo("Training loss"));
            string[] csv = File.ReadAllLines(Path.Combine(dir, "loss.csv"));
            Assert.That(csv[0], Is.EqualTo("model,split,epoch,value"));
            Assert.That(csv, Has.Length.EqualTo(1 + 9));
            Assert.That(csv[4], Is.EqualTo("quantum,validation,1,1.3"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex("<text[^>]*>([^<]*)</text>")]
    private static partial Regex TextElement();
}

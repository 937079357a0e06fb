using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Qtl.Reports;
using Qtl.Runtime;

namespace Qtl.Tests.Reports;

public class ChartTests
{
    private static readonly Curve[] Curves =
    [
        new("quantum", "train", [1.2, 0.9, 0.7]),
        new("quantum", "validation", [1.3, 1.0, 0.8]),
        new("classical", "train", [1.1, 0.8, 0.6]),
    ];

    [Test]
    public void LossCurvesRenderToAnSvgWithLineMarksAndLegend()
    {
        string svg = Chart.Render(Chart.LossCurves(Curves));

        Assert.That(svg, Does.StartWith("<svg"));
        Assert.That(svg, Does.Contain("role-mark"));
        Assert.That(Regex.Matches(svg, "<path[^>]*aria-roledescription=\"line mark\"").Count, Is.EqualTo(3), "one line per (model, split)");
        Assert.That(svg, Does.Contain(">quantum<").And.Contain(">classical<").And.Contain(">validation<"));
    }

    [Test]
    public void AccuracyCurvesUseAPercentAxisFromZeroToOne()
    {
        string svg = Chart.Render(Chart.AccuracyCurves([new("quantum", "validation", [0.4, 0.6, 0.75])]));

        Assert.That(svg, Does.Contain(">0%<").And.Contain(">100%<"));
        Assert.That(Regex.Count(svg, "aria-roledescription=\"line mark\""), Is.EqualTo(1));
    }

    [Test]
    public void ConfusionMatrixSvgWritesEveryCountInItsCell()
    {
        int[,] counts = { { 37, 2, 1 }, { 4, 29, 7 }, { 0, 11, 19 } };
        string svg = Chart.Render(Chart.ConfusionMatrix(counts, ["T-shirt", "Trouser", "Pullover"]));

        Assert.That(Regex.Count(svg, "aria-roledescription=\"rect mark\""), Is.EqualTo(9), "one cell per (true, predicted)");
        Assert.That(Regex.Count(svg, "aria-roledescription=\"text mark\""), Is.EqualTo(9));
        foreach (int c in counts)
            Assert.That(svg, Does.Contain($">{c}</text>"), $"count {c}");
        Assert.That(svg, Does.Contain(">Pullover<"));
    }

    [Test]
    public void GroupedBarsAndErrorBarLinesRender()
    {
        string bars = Chart.Render(Chart.GroupedBars(
            [new("0-5", "quantum", 0.81, 0.02), new("0-5", "classical", 0.84, 0.01), new("0-7", "quantum", 0.70, 0.03)], "Accuracy per model"));
        string lines = Chart.Render(Chart.ErrorBarLines(
            [new("quantum", 1e-4, 0.8, 0.01), new("quantum", 1e-3, 0.78, 0.02), new("quantum", 1e-2, 0.6, 0.05)],
            "Accuracy vs noise", "depolarizing probability", "accuracy", logX: true));

        Assert.That(Regex.Matches(bars, "aria-roledescription=\"bar\"").Count, Is.EqualTo(3));
        Assert.That(bars, Does.Contain("aria-roledescription=\"rule mark\"").Or.Contain("role-mark"));
        Assert.That(lines, Does.Contain("log scale").Or.Contain("0.001"));
        Assert.That(lines, Does.Contain("aria-roledescription=\"line mark\""));
    }

    [Test]
    public void ConfusionMatrixRejectsAMatrixOfTheWrongSize()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.ConfusionMatrix(new int[2, 3], ["a", "b"]))!;
        Assert.That(e.Message, Does.Contain("2×2"));
    }

    [Test]
    public void AChartThatLoadsDataFromTheNetworkFailsInsteadOfRenderingEmpty()
    {
        var spec = new JsonObject
        {
            ["data"] = new JsonObject { ["url"] = "http://example.invalid/data.csv" },
            ["mark"] = "point",
            ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["field"] = "a", ["type"] = "quantitative" } },
        };
        var e = Assert.Throws<RuntimeException>(() => Chart.Render(spec))!;
        Assert.That(e.Message, Does.Contain("inline data only"));
    }

    [Test]
    public void SaveWritesTheSvgAndItsSpecBesideIt()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-chart").FullName;
        try
        {
            var section = Figure.FromChart("loss", Chart.LossCurves(Curves, title: "Training loss"), dir);

            string file = File.ReadAllText(Path.Combine(dir, "loss.svg"));
            Assert.That(file, Does.StartWith("<svg").And.Contain(">Training loss</text>"), "the file keeps its title");
            Assert.That(section.Svg, Does.StartWith("<svg").And.Not.Contain(">Training loss</text>"), "the page heading carries it");
            var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "loss.vl.json")))!;
            Assert.That(spec["title"]!.GetValue<string>(), Is.EqualTo("Training loss"));
            Assert.That(section.Title, Is.EqualTo("Training loss"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

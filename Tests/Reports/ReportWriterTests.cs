using System.IO.Compression;
using System.Text.RegularExpressions;
using Qtl.Data;
using Qtl.Quantum;
using Qtl.Reports;

namespace Qtl.Tests.Reports;

public class ReportWriterTests
{
    private static readonly string[] Classes = ["T-shirt/top", "Trouser", "Pullover", "Dress"];

    [Test, Integration]
    public void TheReportIsOneSelfContainedFileWithEverySectionAndFigure()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-report").FullName;
        try
        {
            var data = SampleReport(dir);
            string path = ReportWriter.Write(dir, data);

            Assert.That(path, Is.EqualTo(Path.Combine(dir, "report.html")));
            string html = File.ReadAllText(path);
            // Counts, not Does.Not.Contain, so that a failure does not print the whole page.
            Assert.That(Regex.Count(html, "src=\"http|<script|<link|<iframe|<object"), Is.Zero, "no scripts or external resources");
            Assert.That(Regex.Count(html, "(src|href)=\"(?!data:image/png;base64,|#)"), Is.Zero, "only data URIs and in-page links");
            Assert.That(Regex.Count(html, @"url\((?!#)"), Is.Zero, "CSS/SVG url() only for in-document references such as clip paths");
            foreach (var section in data.Sections)
                Assert.That(html.Contains($"<h2>{System.Net.WebUtility.HtmlEncode(section.Title)}</h2>", StringComparison.Ordinal), $"section '{section.Title}'");
            foreach (var figure in data.Sections.OfType<FigureSection>())
                Assert.That(html.Contains(figure.Svg[figure.Svg.IndexOf("<svg", StringComparison.Ordinal)..], StringComparison.Ordinal), $"figure '{figure.Title}' is inlined");
            Assert.That(Regex.Matches(html, "<img ").Count, Is.EqualTo(8));
            Assert.That(html.Contains("&lt;escaped&gt;", StringComparison.Ordinal), "text is HTML-escaped");
            Assert.That(File.Exists(Path.Combine(dir, "loss.svg")) && File.Exists(Path.Combine(dir, "loss.csv")));
            Assert.That(Directory.GetFiles(dir, "*.tmp"), Is.Empty, "no temp file left behind");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void ATableRowWithTheWrongNumberOfCellsIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new TableSection("t", ["a", "b"], [["1"]]))!;
        Assert.That(e.Message, Does.Contain("row 0 has 1 cells but there are 2 headers"));
    }

    /// <summary>
    /// Writes the sample report (loss chart, confusion matrix, circuit, predictions grid) to
    /// QTL_REPORT_SAMPLE_DIR, for looking at it in a browser; skipped when the variable is unset.
    /// </summary>
    [Test]
    public void WritesTheSampleReportWhenAskedTo()
    {
        string? dir = Environment.GetEnvironmentVariable("QTL_REPORT_SAMPLE_DIR");
        if (string.IsNullOrEmpty(dir)) Assert.Ignore("set QTL_REPORT_SAMPLE_DIR to write the sample report");
        Assert.That(File.Exists(ReportWriter.Write(dir, SampleReport(dir))));
    }

    private static ReportData SampleReport(string dir)
    {
        var rng = new Random(7);
        double[] Decay(double start, double rate, double noise) =>
            Enumerable.Range(0, 15).Select(e => start * Math.Exp(-rate * e) + 0.35 + noise * rng.NextDouble()).ToArray();
        var loss = Chart.LossCurves(
        [
            new("quantum (4 qubits)", "train", Decay(1.0, 0.18, 0.03)),
            new("quantum (4 qubits)", "validation", Decay(1.0, 0.14, 0.06)),
            new("classical baseline", "train", Decay(1.0, 0.25, 0.03)),
            new("classical baseline", "validation", Decay(1.0, 0.2, 0.06)),
        ], title: "Loss per epoch");
        int[][] counts = [[31, 1, 5, 3], [0, 38, 0, 2], [6, 0, 29, 5], [3, 2, 4, 31]];
        var images = FashionImages(8);
        var predictions = images.Select((img, i) => new Prediction(img, i == 3 ? (img.Label + 2) % 4 : img.Label, 0.55 + 0.05 * i)).ToList();
        var weights = Enumerable.Range(0, 4 * 6).Select(i => 0.01 * Math.Sin(i + 1)).ToArray();
        return new ReportData("Quantum transfer learning — FashionMNIST 0-3 <sample>", "4 qubits, depth 6, 15 epochs, exact simulation (QDK)",
        [
            new SummarySection("Run", ("backbone", "small CNN (ONNX)"), ("qubits", "4"), ("depth", "6"), ("best validation accuracy", "80.6 %")) { Note = "Numbers in this sample are made up <escaped>." },
            Figure.FromChart("loss", loss, dir, "Solid: training; dashed: validation."),
            Figure.FromChart("confusion", Chart.ConfusionMatrix(counts, Classes, "Confusion matrix (validation)"), dir),
            Figure.FromCircuit(QdkSession.Runtime, "circuit", new CircuitShape(4, 6), [0.12, -0.5, 1.3, 0.77], weights, dir),
            Figure.FromChart("accuracy", Chart.GroupedBars(
                [new("0-5", "quantum", 0.81, 0.02), new("0-5", "classical", 0.84, 0.01), new("0-7", "quantum", 0.70, 0.03), new("0-7", "classical", 0.74, 0.02)],
                "Validation accuracy per model (mean ± std, 5 seeds)"), dir),
            Figure.FromChart("noise", Chart.ErrorBarLines(
                new[] { 1e-4, 1e-3, 3e-3, 1e-2, 3e-2 }.SelectMany((p, i) => new ErrorPoint[] { new("depolarizing", p, 0.81 - 0.04 * i * i, 0.01 + 0.005 * i), new("bit flip", p, 0.81 - 0.03 * i * i, 0.01 + 0.004 * i) }),
                "Accuracy vs noise", "error probability per gate", "accuracy", logX: true), dir),
            new PredictionsSection("Predictions", predictions, Classes),
            new TableSection("Models", ["model", "parameters", "accuracy"], [["quantum", "2076", "80.6"], ["classical", "2084", "83.1"]]),
            new TextSection("Log", "epoch 1  loss 1.32  acc 0.41\nepoch 2  loss 1.10  acc 0.55"),
        ]);
    }

    /// <summary>The first images of classes 0–3 from the committed FashionMNIST subset (gzip'd IDX).</summary>
    private static List<SampleImage> FashionImages(int count)
    {
        string assets = Path.GetFullPath(Path.Combine(Qtl.Runtime.RuntimeLocation.Default().RuntimeDir, "..", "..", "assets", "fashion-mnist-subset"));
        byte[] images = Gunzip(Path.Combine(assets, "t10k-images-idx3-ubyte.gz"));
        byte[] labels = Gunzip(Path.Combine(assets, "t10k-labels-idx1-ubyte.gz"));
        var result = new List<SampleImage>();
        for (int i = 0; result.Count < count; i++)
            if (labels[8 + i] < 4)
                result.Add(new SampleImage(28, 28, 1, images.AsSpan(16 + i * 784, 784).ToArray(), labels[8 + i], $"test #{i}"));
        return result;
    }

    private static byte[] Gunzip(string path)
    {
        using var z = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var m = new MemoryStream();
        z.CopyTo(m);
        return m.ToArray();
    }
}

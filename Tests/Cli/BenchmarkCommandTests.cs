using Qtl.Tests.Benchmarks;

namespace Qtl.Tests.Cli;

/// <summary><c>benchmark</c> on a tiny CSV inside the test process: every output, the protocol's cell count, and bad input as one line.</summary>
[NonParallelizable]
public class BenchmarkCommandTests
{
    private string _dir = "";
    private string _train = "", _test = "";

    [SetUp]
    public void Create()
    {
        _dir = Directory.CreateTempSubdirectory("qtl-benchmark").FullName;
        (_train, _test) = BenchmarkCsv.Write(_dir);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    internal static string[] Tiny(string train, string test, string outDir) =>
        ["benchmark", "--train", train, "--test", test, "--folds", "2", "--seeds", "2", "--epochs", "2", "--sizes", "6,all", "--out", outDir];

    [Test]
    public void ATinyBenchmarkWritesResultsCellsMarkdownReportAndFigures()
    {
        string outDir = Path.Combine(_dir, "out");
        var (code, output, error) = QtlInProcess.Run(Tiny(_train, _test, outDir));
        Assert.That(code, Is.EqualTo(0), error + output);
        foreach (string file in new[] { "results.csv", "cells.csv", "results.md", "report.html", "comparison.svg", "comparison.csv", "learning-curves.svg", "sensitivity.csv" })
            Assert.That(File.Exists(Path.Combine(outDir, file)), Is.True, file);
        string[] results = File.ReadAllLines(Path.Combine(outDir, "results.csv"));
        Assert.That(results[0], Does.StartWith("model,size,test_mean,test_std,seeds,"));
        Assert.That(results, Has.Length.EqualTo(1 + 8 * 2), "one row per model and size");
        Assert.That(results.Count(r => r.EndsWith(",reference", StringComparison.Ordinal)), Is.EqualTo(2), "one reference per size");
        // 6 models × 8 settings × 2 folds × 2 sizes cross-validation cells, then 6 models × 2 seeds × 2 sizes test cells.
        Assert.That(File.ReadAllLines(Path.Combine(outDir, "cells.csv")), Has.Length.EqualTo(1 + 256 + 32));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "results.md")), Does.Contain("6 training samples per class").And.Contain("| quantum, separable (no CNOTs) |"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.html")), Does.Contain("<svg").And.Contain("Generated from 288 cells"));

        var before = File.ReadAllBytes(Path.Combine(outDir, "results.csv"));
        (code, output, error) = QtlInProcess.Run(Tiny(_train, _test, outDir));
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(File.ReadAllBytes(Path.Combine(outDir, "results.csv")), Is.EqualTo(before), "a rerun reads its cells and writes the same bits");
    }

    [Test]
    public void ImagesRunThroughTheBackboneTheImageFoldersValSplitBeingTheTestSet()
    {
        string data = Path.Combine(_dir, "images");
        int seed = 0;
        foreach (var (split, count) in new[] { ("train", 6), ("val", 4) })
            foreach (string c in new[] { "ants", "bees" })
            {
                Directory.CreateDirectory(Path.Combine(data, split, c));
                for (int i = 0; i < count; i++) Qtl.Tests.Data.TestImages.WritePng(Path.Combine(data, split, c, $"{c}{i}.png"), 40 + i, 30 + (c == "ants" ? 9 : 0), seed++);
            }
        string outDir = Path.Combine(_dir, "out");
        var (code, output, error) = QtlInProcess.Run("benchmark", "--data", data, "--backbone", Qtl.Tests.Data.TestImages.Model("tiny-resnet.onnx"),
            "--cache-dir", Path.Combine(_dir, "cache"), "--models", "quantum,linear", "--folds", "2", "--seeds", "2", "--epochs", "2", "--out", outDir);
        Assert.That(code, Is.EqualTo(0), error + output);
        Assert.That(output, Does.Contain("12 training, 8 test samples"));
        string[] cells = File.ReadAllLines(Path.Combine(outDir, "cells.csv"));
        Assert.That(cells.Where(c => c.Contains(",test,", StringComparison.Ordinal)).Select(c => c.Split(',')[8]), Is.All.EqualTo("8"), "each refit scores the 8 val images");
        Assert.That(File.ReadAllText(Path.Combine(outDir, "results.md")), Does.Contain("image folder"));
    }

    [Test, Integration]
    public void TheQdkSpotCheckRerunsQuantumCellsOnTheQSharpBackendAndAgreesWithTheNativeEngine()
    {
        string outDir = Path.Combine(_dir, "out");
        var (code, output, error) = QtlInProcess.Run("benchmark", "--train", _train, "--test", _test, "--models", "quantum,linear", "--folds", "2", "--seeds", "2",
            "--epochs", "1", "--qsharp-check", "2", "--out", outDir);
        Assert.That(code, Is.EqualTo(0), error + output);
        string[] rows = File.ReadAllLines(Path.Combine(outDir, "qsharp-check.csv"));
        Assert.That(rows, Has.Length.EqualTo(3));
        Assert.That(rows[1], Does.StartWith("cv-all-quantum-g1-f1,"));
        foreach (string row in rows[1..])
        {
            string[] f = row.Split(',');
            Assert.That(f[2], Is.EqualTo(f[1]), "the QDK cell's accuracy is the native one's");
            Assert.That(f[3], Is.EqualTo(f[4]), "every sample scored alike");
        }
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.html")), Does.Contain("QDK spot check"));
    }

    [Test]
    public void BadInputIsOneLineAndWritesNothing()
    {
        string outDir = Path.Combine(_dir, "bad");
        string[] With(params string[] extra) => ["benchmark", "--train", _train, "--test", _test, "--folds", "2", "--seeds", "2", "--epochs", "2", "--out", outDir, .. extra];
        (string[] Args, string Message)[] cases =
        [
            (["benchmark", "--train", Path.Combine(_dir, "none.csv"), "--test", _test, "--out", outDir], "feature table not found"),
            (["benchmark", "--train", _train, "--out", outDir], "needs both --train and --test"),
            (With("--shard", "2/2"), "--shard is '2/2'; give i/n with 0 ≤ i < n"),
            (With("--sizes", "100"), "class 'no' has 20 training samples"),
            (With("--sizes", "ten"), "--sizes: 'ten' is not a size"),
            (With("--label-column", "9"), "label column 9 is out of range"),
            (With("--models", "quantum"), "no classical model"),
            (With("--margin", "0"), "--margin is 0 points"),
            (With("--data", _dir), "exclude the image options"),
            (["benchmark", "--classes", "0,6", "--label-column", "2", "--out", outDir], "--label-column applies to CSV feature tables"),
        ];
        foreach (var (args, message) in cases)
        {
            var (code, _, error) = QtlInProcess.Run(args);
            Assert.That(code, Is.EqualTo(2), string.Join(' ', args));
            Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.Contain(message));
            Assert.That(Directory.Exists(outDir), Is.False, "nothing written for " + message);
        }
    }

    [Test]
    public void AFolderOfAnotherStudyIsRefusedUnchanged()
    {
        string outDir = Path.Combine(_dir, "out");
        Assert.That(QtlInProcess.Run(Tiny(_train, _test, outDir)).Code, Is.EqualTo(0));
        var before = File.ReadAllText(Path.Combine(outDir, "benchmark.json"));
        var (code, _, error) = QtlInProcess.Run([.. Tiny(_train, _test, outDir), "--margin", "2"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("holds a benchmark of other data or options"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "benchmark.json")), Is.EqualTo(before));
    }
}

using Qtl.Benchmarks;
using Qtl.Data;
using Qtl.Model;
using Qtl.Tests.Data;
using Qtl.Training;

namespace Qtl.Tests.Benchmarks;

public class TransferBenchmarkTests
{
    private string _dir = "";
    private string _shared = "";
    /// <summary>One run of <see cref="Small"/> that several tests read: each run extracts ResNet18 features anew.</summary>
    private TransferBenchmarkResult _first = null!;

    [OneTimeSetUp]
    public void RunOnce()
    {
        _shared = TestImages.TempDir("qtl-benchmark-shared");
        _first = TransferBenchmark.Run(QdkSession.Runtime, Shared(), _ => { });
    }

    [OneTimeTearDown]
    public void DeleteShared() => Directory.Delete(_shared, recursive: true);

    /// <summary><see cref="Small"/> with the fixture's feature cache, which <see cref="_first"/> filled.</summary>
    private TransferBenchmarkOptions Shared() => Small() with { CacheDir = Path.Combine(_shared, "cache") };

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-benchmark");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private TransferBenchmarkOptions Small(int checkEpochs = 0) => new()
    {
        Tasks = [new BenchmarkTask(0, 6), new BenchmarkTask(7, 9)],
        Seeds = 2,
        TrainPerClass = 6,
        ValidationPerClass = 4,
        TestPerClass = 10,
        Recipe = new TrainingOptions { Backend = Qtl.Quantum.BackendKind.Native, Epochs = 2, LearningRate = 0.01 },
        AblationDepths = [0, 6],
        AblationQubits = [2, 4],
        QSharpCheckEpochs = checkEpochs,
        DataPath = FashionMnist.SubsetDirectory,
        CacheDir = Path.Combine(_dir, "cache"),
    };

    [Test]
    public void EveryTaskSeedAndHeadIsScoredOnValidationAndTestAndAblationsRunOnTheFirstTask()
    {
        var result = _first;

        var main = result.Scores.Where(s => s.Setting == "").ToList();
        Assert.That(main, Has.Count.EqualTo(2 * 2 * 3), "tasks × seeds × heads");
        Assert.That(main.Select(s => s.Head).Distinct(), Is.EquivalentTo(new[] { HeadKind.Quantum, HeadKind.Classical, HeadKind.Linear }));
        Assert.That(result.Scores.Where(s => s.Setting != "").Select(s => (s.Task, s.Setting)).Distinct(),
            Is.EquivalentTo(new[] { ("T-shirt/top vs Shirt", "depth 0"), ("T-shirt/top vs Shirt", "2 qubits") }));
        Assert.That(result.Scores.All(s => s.Validation is >= 0 and <= 1 && s.Test is >= 0 and <= 1), Is.True);
        // Test accuracies are multiples of 1/20 (10 per class), validation of 1/8.
        Assert.That(result.Scores.All(s => Math.Abs(s.Test * 20 - Math.Round(s.Test * 20)) < 1e-9), Is.True);
        Assert.That(result.Scores.All(s => Math.Abs(s.Validation * 8 - Math.Round(s.Validation * 8)) < 1e-9), Is.True);
        Assert.That(result.Check, Is.Null);
    }

    [Test]
    public void SameOptionsGiveTheSameScoresAndSeedsDrawDifferentImages()
    {
        var a = _first;
        var b = TransferBenchmark.Run(QdkSession.Runtime, Shared(), _ => { });
        Assert.That(b.Scores, Is.EqualTo(a.Scores));
        Assert.That(b.ExtractionSeconds, Is.LessThan(a.ExtractionSeconds), "the second run reads the feature cache");

        var lines = new List<string>();
        TransferBenchmark.Run(QdkSession.Runtime, Shared() with { Tasks = [new BenchmarkTask(0, 6)], AblationDepths = [6], AblationQubits = [4] }, lines.Add);
        Assert.That(Directory.GetFiles(Path.Combine(_shared, "cache")), Has.Length.EqualTo(2 * (1 + 2)), "per task: the test set and one draw per seed");
    }

    [Test, Integration]
    public void TheQSharpBackendGivesTheSameCellAsTheNativeEngine()
    {
        var result = TransferBenchmark.Run(QdkSession.Runtime, Small(checkEpochs: 1) with { Tasks = [new BenchmarkTask(0, 6)], Seeds = 1, AblationDepths = [6], AblationQubits = [4] }, _ => { });

        var check = result.Check!;
        Assert.That(check.Epochs, Is.EqualTo(1));
        Assert.That(check.QSharpValidation, Is.EqualTo(check.NativeValidation));
        Assert.That(check.QSharpTest, Is.EqualTo(check.NativeTest));
        Assert.That(check.MaxWeightDifference, Is.LessThan(1e-9));
    }

    [Test]
    public void ReportHasTheTablesThePaperFiguresAndTheFigures()
    {
        var result = _first;
        string dir = Path.Combine(_dir, "out");

        TransferBenchmarkReport.Write(dir, result, "qtl reproduce transfer --test");

        string md = File.ReadAllText(Path.Combine(dir, "results.md"));
        Assert.That(md, Does.Contain("| T-shirt/top vs Shirt |").And.Contain("| Sneaker vs Ankle boot |"));
        Assert.That(md, Does.Contain("quantum − classical (95 % CI) | quantum − linear (95 % CI)").And.Contain("of 2 |"));
        Assert.That(md, Does.Contain("96.7").And.Contain("95.4"), "the paper's ants/bees figures");
        Assert.That(md, Does.Contain("depth 0").And.Contain("2 qubits").And.Contain("(recipe)").And.Contain("test − recipe, paired by seed (95 % CI)"));
        Assert.That(File.ReadAllLines(Path.Combine(dir, "results.csv")), Has.Length.EqualTo(1 + result.Scores.Count));
        Assert.That(File.ReadAllText(Path.Combine(dir, "transfer-benchmark.svg")), Does.Contain("<svg"));
        Assert.That(File.Exists(Path.Combine(dir, "transfer-ablations.svg")), Is.True);
    }

    [Test]
    public void TooFewImagesPerClassSaysWhatIsNeeded()
    {
        var e = Assert.Throws<InvalidDataException>(() => TransferBenchmark.Run(QdkSession.Runtime, Small() with { TrainPerClass = 90, ValidationPerClass = 20 }, _ => { }));
        Assert.That(e!.Message, Does.Contain("fewer than 110 images of class 0").And.Contain("dataset-fashion-mnist"));
    }
}

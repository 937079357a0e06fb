namespace Qtl.Tests.Cli;

/// <summary><c>reproduce kd-fashion --protocol paper</c>: options that do not apply are one clear error line.</summary>
public class KdFashionPaperCommandTests
{
    [TestCase("--depth", "2", "--depth does not apply to --protocol paper")]
    [TestCase("--lambda", "0.5", "--lambda does not apply to --protocol paper")]
    [TestCase("--protocol", "qiskit", "--protocol")]
    [TestCase("--threads", "0", "--threads")]
    public void BadOptionsGiveOneLineAndANonZeroExit(string option, string value, string expected)
    {
        string[] args = option == "--protocol" ? ["reproduce", "kd-fashion", option, value] : ["reproduce", "kd-fashion", "--protocol", "paper", option, value];
        var (code, _, error) = QtlInProcess.Run(args);
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("error: ").And.Contain(expected));
    }

    [Test]
    public void LadderNeedsThePaperProtocol()
    {
        var (code, _, error) = QtlInProcess.Run("reproduce", "kd-fashion", "--ladder");
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error, Does.Contain("--ladder needs --protocol paper"));
    }

    [Test]
    public void DistillRunsOnePublishedCellAndWritesItsCurve()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"qtl-distill-paper-{Guid.NewGuid():N}");
        try
        {
            var (code, output, error) = QtlInProcess.Run("distill", "--protocol", "paper", "--teacher", "lenet", "--classes", "0-7", "--qubits", "4",
                "--epochs", "1", "--per-class", "3", "--shots", "20", "--out", dir);
            Assert.That(code, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("KD term sends no gradient"), "the LeNet → 0-7, 4-qubit cell keeps its published quirk");
            var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement;
            Assert.That(summary.GetProperty("train_images").GetInt32(), Is.EqualTo(24));
            Assert.That(summary.GetProperty("shots").GetInt32(), Is.EqualTo(20));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "metrics.csv")), Has.Length.EqualTo(2));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void DistillRejectsOurStudentsOptionsUnderThePaperProtocol()
    {
        var (code, _, error) = QtlInProcess.Run("distill", "--protocol", "paper", "--encoding", "angle");
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("--encoding does not apply to --protocol paper"));
    }
}

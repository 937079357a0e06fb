using Qtl.Data;
using Qtl.Tests.Api;
using Qtl.Tests.Data;

namespace Qtl.Tests.Cli;

/// <summary><c>report --run</c> restores a real run's deleted report and figures, without training, for train and distill runs.</summary>
[Integration]
public class ReportCommandTests
{
    [Test]
    public void ReportRestoresTheDeletedReportAndFiguresOfATrainRunAndOfADistillRun()
    {
        string root = TestImages.TempDir("qtl-report");
        try
        {
            string train = Path.Combine(root, "train"), distill = Path.Combine(root, "distill");
            var trained = QtlProcess.Run(["train", "--classes", "0,6", "--per-class", "8", "--epochs", "2", "--depth", "2", "--backend", "native",
                "--data", FashionMnist.SubsetDirectory, "--out", train]);
            Assert.That(trained.Code, Is.EqualTo(0), trained.Error);
            var distilled = QtlProcess.Run(["distill", "--classes", "0-2", "--qubits", "2", "--depth", "1", "--per-class", "10", "--teacher", "none",
                "--data", FashionMnist.SubsetDirectory, "--epochs", "2", "--out", distill]);
            Assert.That(distilled.Code, Is.EqualTo(0), distilled.Error);

            foreach (var (run, figures) in new[] { (train, new[] { "circuit.svg", "confusion-quantum.svg", "loss.csv" }), (distill, new[] { "confusion.svg", "loss.csv" }) })
            {
                var drawn = RunFiles.Drawn(run);
                Assert.That(drawn.Keys, Is.SupersetOf(figures));
                RunFiles.DeleteDrawn(run);
                string[] kept = Directory.GetFiles(run).Select(File.ReadAllText).ToArray();

                var (code, output, error) = QtlProcess.Run(["report", "--run", run]);

                Assert.That(code, Is.EqualTo(0), error);
                Assert.That(output, Does.Contain("report.html"));
                RunFiles.AssertRestored(run, drawn);
                Assert.That(Directory.GetFiles(run).Where(f => !RunFiles.Drawn(run).ContainsKey(Path.GetFileName(f))).Select(File.ReadAllText),
                    Is.EquivalentTo(kept), "checkpoints, metrics and summary are left as they were");
            }

            var missing = QtlProcess.Run(["report", "--run", Path.Combine(root, "none")]);
            Assert.That(missing.Code, Is.EqualTo(2));
            Assert.That(missing.Error, Does.Contain("no run folder"));
            var empty = QtlProcess.Run(["report", "--run", Directory.CreateDirectory(Path.Combine(root, "empty")).FullName]);
            Assert.That(empty.Code, Is.EqualTo(2));
            Assert.That(empty.Error.Trim(), Does.Contain("holds no checkpoint of a train run").And.Not.Contain("\n"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}

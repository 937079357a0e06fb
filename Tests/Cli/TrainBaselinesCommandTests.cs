using System.Text.Json;
using Qtl.Model;
using Qtl.Tests.Data;

namespace Qtl.Tests.Cli;

/// <summary>ML.NET's baselines (<c>lbfgs</c>, <c>sdca</c>) through <c>train --heads</c>, the run folder, evaluate, resume and <c>Open</c>.</summary>
[NonParallelizable]
public class TrainBaselinesCommandTests
{
    [Test]
    public void TrainHeadsLbfgsAndSdcaWritesThemBesideTheOthersAndResumeKeepsTheirFit()
    {
        string root = TestImages.TempDir("qtl-baselines");
        string run = Path.Combine(root, "run");
        try
        {
            foreach (var split in new[] { "train", "val" })
                foreach (var (label, shift) in new[] { ("dark", 0), ("light", 1) })
                {
                    Directory.CreateDirectory(Path.Combine(root, "data", split, label));
                    for (int i = 0; i < 4; i++)
                        TestImages.WritePng(Path.Combine(root, "data", split, label, $"{i}.png"), 20 + i, 20, seed: 10 * shift + i);
                }
            string[] train = ["train", "--data", Path.Combine(root, "data"), "--backbone", TestImages.Model("tiny-resnet.onnx"),
                "--backend", "native", "--lr", "0.01", "--heads", "linear,lbfgs,sdca", "--cache-dir", Path.Combine(root, "cache"), "--out", run];
            var (code, output, error) = QtlInProcess.Run([.. train, "--epochs", "2"]);
            Assert.That(code, Is.EqualTo(0), error + output);

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            foreach (string head in new[] { "lbfgs", "sdca" })
            {
                var entry = summary.RootElement.GetProperty(head);
                Assert.That(entry.GetProperty("best_epoch").GetInt32(), Is.EqualTo(1), head);
                Assert.That(entry.GetProperty("val_accuracy").GetDouble(), Is.InRange(0.0, 1.0), head);
                Assert.That(File.ReadAllLines(Path.Combine(run, $"{head}.metrics.jsonl")), Has.Length.EqualTo(1), head);
                Assert.That(output, Does.Contain(head));
            }
            Assert.That(File.ReadAllText(Path.Combine(run, "report.html")), Does.Contain("confusion-lbfgs").Or.Contain("sdca"));

            (code, output, error) = QtlInProcess.Run("evaluate", "--run", run, "--head", "sdca", "--json");
            Assert.That(code, Is.EqualTo(0), error);
            using var evaluation = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
            Assert.That(evaluation.RootElement.GetProperty("accuracy").GetDouble(),
                Is.EqualTo(summary.RootElement.GetProperty("sdca").GetProperty("val_accuracy").GetDouble()).Within(1e-12));

            // A resume trains the linear head on; the ML.NET fits have no epochs to continue and stay as they were.
            string lbfgsCheckpoint = File.ReadAllText(Path.Combine(run, "lbfgs.checkpoint.json"));
            (code, output, error) = QtlInProcess.Run([.. train, "--epochs", "3", "--resume"]);
            Assert.That(code, Is.EqualTo(0), error + output);
            Assert.That(File.ReadAllText(Path.Combine(run, "lbfgs.checkpoint.json")), Is.EqualTo(lbfgsCheckpoint));
            Assert.That(File.ReadAllLines(Path.Combine(run, "linear.metrics.jsonl")), Has.Length.EqualTo(3));

            using var qtl = new QtlContext();
            var opened = qtl.Open(run);
            Assert.That(opened.Heads.Select(h => h.Kind), Is.EquivalentTo(new[] { HeadKind.Linear, HeadKind.Lbfgs, HeadKind.Sdca }));
            Assert.That(opened[HeadKind.Lbfgs].Accuracy,
                Is.EqualTo(summary.RootElement.GetProperty("lbfgs").GetProperty("val_accuracy").GetDouble()).Within(1e-12));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

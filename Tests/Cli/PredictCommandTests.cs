using System.Text.Json;
using Qtl.Tests.Data;
using Qtl.Tests.IO;

namespace Qtl.Tests.Cli;

/// <summary>
/// A run on an image folder with Unicode class names, trained under a German locale: its files hold the names as
/// written and no decimal comma, and <c>predict</c> classifies every readable file of a list holding a broken one.
/// </summary>
[Integration]
[NonParallelizable]
public class PredictCommandTests
{
    [Test]
    public void PredictClassifiesEveryReadableFileAndReportsEachUnreadableOneOnItsOwnLine()
    {
        string root = TestImages.TempDir("qtl-predict");
        string run = Path.Combine(root, "run");
        try
        {
            foreach (var split in new[] { "train", "val" })
                for (int i = 0; i < 3; i++)
                {
                    Directory.CreateDirectory(Path.Combine(root, "data", split, "Käfer"));
                    Directory.CreateDirectory(Path.Combine(root, "data", split, "蜜蜂"));
                    TestImages.WriteJpeg(Path.Combine(root, "data", split, "Käfer", $"k{i}.jpg"));
                    TestImages.WritePng(Path.Combine(root, "data", split, "蜜蜂", $"b{i}.png"), 40 + i, 30, seed: i);
                }
            var (code, output, error) = QtlProcess.Run(["train", "--data", Path.Combine(root, "data"), "--backend", "native", "--epochs", "1",
                "--heads", "quantum,linear", "--cache-dir", Path.Combine(root, "cache"), "--out", run],
                env => env["LANG"] = env["LC_ALL"] = "de_DE.UTF-8");
            Assert.That(code, Is.EqualTo(0), error + output);
            string summary = File.ReadAllText(Path.Combine(run, "summary.json"));
            Assert.That(summary, Does.Contain("\"Käfer\"").And.Contain("\"蜜蜂\"").And.Contain("tanh·1.5708").And.Not.Contain("\\u"));
            foreach (string file in Directory.GetFiles(run, "*.json*"))
                Assert.That(JsonFilesTests.HoldsDecimalComma(file), Is.False, $"{file} holds a decimal comma");

            string good1 = Path.Combine(root, "data", "val", "Käfer", "k0.jpg"), good2 = Path.Combine(root, "data", "val", "蜜蜂", "b1.png");
            string broken = Path.Combine(root, "broken.jpg");
            File.WriteAllBytes(broken, File.ReadAllBytes(good1)[..200]); // a truncated copy

            (code, output, error) = QtlProcess.Run(["predict", "--run", run, "--head", "linear", good1, broken, good2]);
            Assert.That(code, Is.Not.EqualTo(0), "a failed file makes the exit code non-zero");
            var errors = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(errors, Has.Length.EqualTo(1), error);
            Assert.That(errors[0], Does.StartWith("error: ").And.Contain(broken));
            Assert.That(output, Does.Contain("k0.jpg").And.Contain("b1.png").And.Not.Contain("broken.jpg"), "both readable files are classified");

            (code, output, error) = QtlProcess.Run(["predict", "--run", run, "--json", good1, broken, good2]);
            Assert.That(code, Is.Not.EqualTo(0));
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.That(lines.Select(l => l.GetProperty("ok").GetBoolean()), Is.EqualTo(new[] { true, false, true }), "one object per file, in order");
            Assert.That(lines[1].GetProperty("error").GetString(), Does.Contain(broken));
            Assert.That(lines[0].GetProperty("probabilities").GetProperty("Käfer").GetDouble() + lines[0].GetProperty("probabilities").GetProperty("蜜蜂").GetDouble(),
                Is.EqualTo(1.0).Within(1e-12));
            Assert.That(output, Does.Contain("\"Käfer\""), "the console's JSON holds the names as written too");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

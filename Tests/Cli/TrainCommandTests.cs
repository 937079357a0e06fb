using System.Text.Json;
using Qtl.Tests.Data;

namespace Qtl.Tests.Cli;

/// <summary>train → evaluate → predict, end to end, on an image folder of JPEGs and PNGs with the default ImageNet ResNet18.</summary>
[NonParallelizable]
public class TrainCommandTests
{
    [Test, Integration]
    public void TrainEvaluateAndPredictRunOnAnImageFolderOfJpegs()
    {
        string root = TestImages.TempDir("qtl-folder");
        string run = Path.Combine(root, "run");
        try
        {
            foreach (var split in new[] { "train", "val" })
            {
                Directory.CreateDirectory(Path.Combine(root, "data", split, "ants"));
                Directory.CreateDirectory(Path.Combine(root, "data", split, "bees"));
                for (int i = 0; i < 4; i++)
                {
                    TestImages.WriteJpeg(Path.Combine(root, "data", split, "ants", $"a{i}.jpg"));
                    TestImages.WritePng(Path.Combine(root, "data", split, "bees", $"b{i}.png"), 40 + i, 30, seed: i);
                }
            }
            // The ants/bees command: the ImageNet ResNet18 is the default backbone.
            var (code, output, error) = QtlInProcess.Run("train", "--data", Path.Combine(root, "data"),
                "--backend", "native", "--epochs", "2",
                "--lr", "0.01", "--heads", "quantum,linear", "--cache-dir", Path.Combine(root, "cache"), "--out", run);
            Assert.That(code, Is.EqualTo(0), error + output);

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            Assert.That(summary.RootElement.GetProperty("epochs").GetInt32(), Is.EqualTo(2));
            Assert.That(summary.RootElement.GetProperty("feature_dimension").GetInt32(), Is.EqualTo(512));
            JsonElement backbone = summary.RootElement.GetProperty("backbone");
            Assert.That(backbone.GetProperty("name").GetString(), Is.EqualTo("resnet18 (ImageNet, ML.NET package)"));
            Assert.That(backbone.GetProperty("output").GetString(), Is.EqualTo("Pooling395_Output_0"));
            Assert.That(backbone.GetProperty("dimension").GetInt32(), Is.EqualTo(512));
            Assert.That(backbone.GetProperty("preprocessing").GetString(), Does.StartWith("resnet18: shorter side 224"));
            Assert.That(summary.RootElement.GetProperty("quantum").GetProperty("val_accuracy").GetDouble(), Is.InRange(0.0, 1.0));
            Assert.That(summary.RootElement.GetProperty("linear").GetProperty("val_accuracy").GetDouble(), Is.InRange(0.0, 1.0));
            Assert.That(File.ReadAllText(Path.Combine(run, "report.html")), Does.Contain("<svg"));
            Assert.That(File.ReadAllLines(Path.Combine(run, "quantum.metrics.jsonl")), Has.Length.EqualTo(2));

            (code, output, error) = QtlInProcess.Run("evaluate", "--run", run, "--json");
            Assert.That(code, Is.EqualTo(0), error);
            using var evaluation = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
            Assert.That(evaluation.RootElement.GetProperty("samples").GetInt32(), Is.EqualTo(8));
            Assert.That(evaluation.RootElement.GetProperty("accuracy").GetDouble(),
                Is.EqualTo(summary.RootElement.GetProperty("quantum").GetProperty("val_accuracy").GetDouble()).Within(1e-12));

            (code, output, error) = QtlInProcess.Run("predict", "--run", run, "--json", Path.Combine(root, "data", "val", "ants", "a0.jpg"));
            Assert.That(code, Is.EqualTo(0), error);
            using var prediction = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
            Assert.That(prediction.RootElement.GetProperty("image").GetString(), Does.EndWith("a0.jpg"));
            var probabilities = prediction.RootElement.GetProperty("probabilities");
            Assert.That(probabilities.GetProperty("ants").GetDouble() + probabilities.GetProperty("bees").GetDouble(), Is.EqualTo(1.0).Within(1e-12));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void AnImageFolderWithOneClassIsRefusedAndNothingIsWritten()
    {
        string root = TestImages.TempDir("qtl-one-class");
        try
        {
            foreach (var split in new[] { "train", "val" })
            {
                Directory.CreateDirectory(Path.Combine(root, split, "ants"));
                TestImages.WriteJpeg(Path.Combine(root, split, "ants", "a.jpg"));
            }
            string run = Path.Combine(root, "run");
            var (code, _, error) = QtlInProcess.Run("train", "--data", root, "--backbone", TestImages.Model("tiny-resnet.onnx"),
                "--backend", "native", "--epochs", "1", "--out", run);
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("1 class").And.Contain("at least 2"));
            Assert.That(Directory.Exists(Path.Combine(run)) && Directory.GetFiles(run, "*.checkpoint.json").Length > 0, Is.False);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

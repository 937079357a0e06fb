using Microsoft.ML.OnnxRuntime;
using Qtl.Data;
using Qtl.Export;
using Qtl.Features;
using Qtl.Model;
using Qtl.Tests.Data;
using Qtl.Tests.Export;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary><c>export-onnx</c> on a real run folder: the file ONNX Runtime runs gives the run's probabilities; refusals write nothing.</summary>
[Integration]
[NonParallelizable]
public class ExportOnnxCommandTests
{
    [Test]
    public void ExportsEachHeadOfARunAndRefusesBadRequestsWithoutTouchingTheFile()
    {
        string root = TestImages.TempDir("qtl-onnx");
        try
        {
            string run = Path.Combine(root, "run");
            var (code, output, error) = QtlInProcess.Run("train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,6", "--per-class", "20",
                "--epochs", "2", "--heads", "quantum,linear", "--backend", "native", "--gradient", "adjoint", "--cache-dir", Path.Combine(root, "cache"), "--out", run);
            Assert.That(code, Is.EqualTo(0), error + output);
            var data = TransferDataLoader.Load(RunFolder.LoadDataOptions(run));

            foreach (var head in new[] { HeadKind.Quantum, HeadKind.Linear })
            {
                string file = Path.Combine(root, $"{head.Text()}.onnx");
                (code, output, error) = QtlInProcess.Run("export-onnx", "--run", run, "--head", head.Text(), "--out", file);
                Assert.That(code, Is.EqualTo(0), error + output);
                var expected = ExportFixtures.NativeProbabilities(RunFolder.LoadModel(run, head), data.Validation.Features);
                using var session = new InferenceSession(file);
                var (probabilities, _, _) = ExportFixtures.Run(session, data.Validation.Features);
                for (int b = 0; b < expected.Length; b++)
                    Assert.That(probabilities[b], Is.EqualTo(expected[b]).Within(1e-9), $"{head.Text()}, sample {b}");
            }

            string withBackbone = Path.Combine(root, "with-backbone.onnx");
            (code, output, error) = QtlInProcess.Run("export-onnx", "--run", run, "--with-backbone", "--out", withBackbone);
            Assert.That(code, Is.EqualTo(0), error + output);
            using (var session = new InferenceSession(withBackbone))
                Assert.That(session.InputMetadata.Keys, Is.EqualTo(new[] { OnnxExport.ImageInput }));

            string kept = Path.Combine(root, "quantum.onnx");
            byte[] before = File.ReadAllBytes(kept);
            (code, _, error) = QtlInProcess.Run("export-onnx", "--run", run, "--head", "classical", "--out", kept);
            Assert.That(code, Is.EqualTo(2), error);
            Assert.That(File.ReadAllBytes(kept), Is.EqualTo(before), "a refused export leaves the file as it was");
            (code, _, error) = QtlInProcess.Run("export-onnx", "--run", Path.Combine(root, "nothing"), "--out", Path.Combine(root, "x.onnx"));
            Assert.That(code, Is.EqualTo(2), error);
            Assert.That(File.Exists(Path.Combine(root, "x.onnx")), Is.False);
            (code, _, error) = QtlInProcess.Run("export-onnx", "--run", run, "--out", root);
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("is a folder"));
            // /sys refuses new folders even to root, where file permissions would not.
            string unwritable = $"/sys/qtl-onnx-{Guid.NewGuid():N}/model.onnx";
            (code, _, error) = QtlInProcess.Run("export-onnx", "--run", run, "--out", unwritable);
            Assert.That(code, Is.EqualTo(4), error);
            Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.Contain("/sys/qtl-onnx-"));

            // The library writes the same bytes as the verb: one exporter, and the same run gives the same file.
            using var qtl = new QtlContext();
            string fromApi = qtl.Open(run).Quantum.ExportOnnx(Path.Combine(root, "api.onnx"));
            Assert.That(File.ReadAllBytes(fromApi), Is.EqualTo(before));

            // A run trained on a feature table has no backbone: --with-backbone is refused, the head alone still exports.
            File.Delete(Path.Combine(run, RunFolder.DataOptionsFile));
            (code, _, error) = QtlInProcess.Run("export-onnx", "--run", run, "--with-backbone", "--out", Path.Combine(root, "y.onnx"));
            Assert.That(code, Is.EqualTo(2), error);
            Assert.That(error, Does.Contain("feature table").And.Contain("drop --with-backbone"));
            Assert.That(File.Exists(Path.Combine(root, "y.onnx")), Is.False);
            (code, _, error) = QtlInProcess.Run("export-onnx", "--run", run, "--out", Path.Combine(root, "y.onnx"));
            Assert.That(code, Is.EqualTo(0), error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

using Qtl.Data;
using Qtl.Tests.Data;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary>
/// <c>train --separable</c>: the quantum head trains its circuit without CNOTs, the run records it, its report says
/// so, and a resume must repeat it.
/// </summary>
[Integration]
[NonParallelizable]
public class SeparableTrainTests
{
    private static string[] Train(string root, string run, int epochs, params string[] more) =>
    [
        "train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,1", "--per-class", "20", "--epochs", epochs.ToString(),
        "--heads", "quantum", "--backend", "native", "--gradient", "adjoint", "--cache-dir", Path.Combine(root, "cache"), "--out", run, .. more,
    ];

    [Test]
    public void TheSeparableControlTrainsIsRecordedAndMustBeRepeatedOnResume()
    {
        string root = TestImages.TempDir("qtl-separable");
        try
        {
            string separable = Path.Combine(root, "separable"), entangled = Path.Combine(root, "entangled");
            var (code, output, error) = QtlInProcess.Run(Train(root, separable, 1, "--separable"));
            Assert.That(code, Is.EqualTo(0), error + output);
            (code, output, error) = QtlInProcess.Run(Train(root, entangled, 1));
            Assert.That(code, Is.EqualTo(0), error + output);

            var state = Checkpoint.Load(RunFolder.Checkpoint(separable));
            Assert.That(state.Options.Separable, Is.True);
            Assert.That(state.Options.Shape.Entangling, Is.False);
            var other = Checkpoint.Load(RunFolder.Checkpoint(entangled));
            Assert.That(state.Progress.Parameters["circuit.weights"], Is.Not.EqualTo(other.Progress.Parameters["circuit.weights"]),
                "the same seed without CNOTs must train other weights");
            Assert.That(File.ReadAllText(Path.Combine(separable, "report.html")), Does.Contain("separable"));

            (code, _, error) = QtlInProcess.Run([.. Train(root, separable, 2), "--resume"]);
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--separable is false here, true in the checkpoint"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

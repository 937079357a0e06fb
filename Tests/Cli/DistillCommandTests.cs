using Qtl.Data;
using Qtl.Distillation;
using Qtl.Tests.Data;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary><c>distill</c> owns its run folder as <c>train</c> does: no silent replace, and <c>--resume</c> continues a run.</summary>
[Integration]
public class DistillCommandTests
{
    private static string[] Distill(string run, int epochs, params string[] more) =>
    [
        "distill", "--classes", "0-2", "--qubits", "2", "--depth", "1", "--per-class", "10",
        "--data", FashionMnist.SubsetDirectory, "--epochs", epochs.ToString(), "--out", run, .. (more.Contains("--teacher") ? more : ["--teacher", "none", .. more]),
    ];

    [Test]
    public void ARunIsNeverReplacedAndResumeContinuesItFromItsCheckpoint()
    {
        string root = TestImages.TempDir("qtl-distill");
        try
        {
            string run = Path.Combine(root, "run");
            var first = QtlProcess.Run(Distill(run, 1));
            Assert.That(first.Code, Is.EqualTo(0), first.Error);
            byte[] checkpoint = File.ReadAllBytes(DistillationState.PathIn(run));

            var again = QtlProcess.Run(Distill(run, 2));
            Assert.That(again.Code, Is.EqualTo(2));
            Assert.That(again.Error.Trim(), Does.Contain("already holds a run").And.Contain("--resume"));
            Assert.That(File.ReadAllBytes(DistillationState.PathIn(run)), Is.EqualTo(checkpoint), "a refused run changes nothing");

            var finished = QtlProcess.Run(Distill(run, 1, "--resume"));
            Assert.That(finished.Code, Is.EqualTo(2));
            Assert.That(finished.Error, Does.Contain("has finished 1 epochs and --epochs is 1"));

            var resumed = QtlProcess.Run(Distill(run, 2, "--resume"));
            Assert.That(resumed.Code, Is.EqualTo(0), resumed.Error);
            Assert.That(resumed.Output, Does.Contain("resuming").And.Contain("from epoch 1 of 2"));
            Assert.That(Checkpoint.Load<DistillationState>(DistillationState.PathIn(run), DistillationState.Format).Progress.EpochsDone, Is.EqualTo(2));

            var nothing = QtlProcess.Run(Distill(Path.Combine(root, "empty"), 2, "--resume"));
            Assert.That(nothing.Code, Is.EqualTo(2));
            Assert.That(nothing.Error, Does.Contain("holds no distillation checkpoint"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Test]
    public void ATeacherModelThatDoesNotFitIsAUserErrorNamingTheFile()
    {
        // The ImageNet ResNet18 takes 3×224×224 images, not FashionMNIST's 1×28×28: a wrong file, not a bug.
        string root = TestImages.TempDir("qtl-distill-teacher");
        try
        {
            var (code, _, error) = QtlProcess.Run(Distill(Path.Combine(root, "run"), 1, "--teacher", Qtl.Backbones.ResNet18Package.ModelPath));
            Assert.That(code, Is.EqualTo(2), error);
            Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(error, Does.Contain("ResNet18.onnx").And.Not.Contain("internal error"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}

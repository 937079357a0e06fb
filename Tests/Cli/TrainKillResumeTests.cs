using Qtl.Data;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary>
/// A real <c>qtl train</c> process on the QDK backend is killed in the middle of an epoch;
/// <c>--resume</c> then ends with exactly the weights of an uninterrupted run.
/// </summary>
[Integration]
[NonParallelizable]
public class TrainKillResumeTests
{
    [Test]
    public void KillingTrainMidEpochAndResumingGivesIdenticalFinalWeights()
    {
        string root = Directory.CreateTempSubdirectory("qtl-kill").FullName;
        try
        {
            // 40 training samples, batch 4: ten QDK steps per epoch, long enough to land a kill inside one.
            string[] Args(string run) =>
            [
                "train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,1", "--per-class", "20",
                "--epochs", "3", "--lr", "0.01", "--heads", "quantum", "--seed", "9",
                "--cache-dir", Path.Combine(root, "cache"), "--out", run,
            ];
            string uninterrupted = Path.Combine(root, "uninterrupted"), killed = Path.Combine(root, "killed");
            var (code, output, error) = QtlInProcess.Run(Args(uninterrupted));
            Assert.That(code, Is.EqualTo(0), error + output);

            // Usually lands in epoch 2; a fast machine may already be in epoch 3, which tests the same thing.
            int epochsAtKill = KillAfterFirstCheckpoint(Args(killed), RunFolder.Checkpoint(killed));
            Assert.That(epochsAtKill, Is.InRange(1, 2), "the kill should land after the first checkpoint and before the last");
            Assert.That(File.Exists(Path.Combine(killed, "summary.json")), Is.False, "the killed run must not have finished");

            (code, output, error) = QtlInProcess.Run([.. Args(killed), "--resume"]);
            Assert.That(code, Is.EqualTo(0), error + output);

            var expected = Checkpoint.Load(RunFolder.Checkpoint(uninterrupted));
            var actual = Checkpoint.Load(RunFolder.Checkpoint(killed));
            Assert.That(actual.Progress.EpochsDone, Is.EqualTo(3));
            foreach (var (name, value) in expected.Progress.Parameters)
                Assert.That(actual.Progress.Parameters[name], Is.EqualTo(value), name); // exact equality, not a tolerance
            Assert.That(actual.Progress.History.Select(h => h.ValidationLoss), Is.EqualTo(expected.Progress.History.Select(h => h.ValidationLoss)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Starts <c>qtl</c> as its own process, kills it (and its QDK runtime) a third of a second after
    /// the first epoch's checkpoint appears, and returns the epochs the surviving checkpoint holds.
    /// </summary>
    private static int KillAfterFirstCheckpoint(string[] args, string checkpoint)
    {
        using var process = QtlProcess.Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        QtlProcess.WaitForFile(process, stderr, checkpoint);
        Thread.Sleep(300);
        Assert.That(process.HasExited, Is.False, "qtl finished before it could be killed");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return Checkpoint.Load(checkpoint).Progress.EpochsDone;
    }
}

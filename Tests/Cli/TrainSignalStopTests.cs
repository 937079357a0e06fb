using Qtl.Data;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary>
/// SIGTERM (what timeout, docker stop and cluster schedulers send) and SIGINT (Ctrl+C) to a real <c>qtl train</c> on
/// the native backend: it stops at a safe point with 128 + the signal's number, says which epochs it kept and prints
/// the command that continues it; that command ends with exactly the bits of an uninterrupted run.
/// </summary>
[Integration]
[NonParallelizable]
public class TrainSignalStopTests
{
    [TestCase(15, 143, "SIGTERM")]
    [TestCase(2, 130, "SIGINT")]
    public void StoppedTrainSaysWhatItKeptAndItsResumeCommandGivesTheUninterruptedBits(int signal, int expectedCode, string name)
    {
        string root = Directory.CreateTempSubdirectory("qtl-signal").FullName;
        try
        {
            // Native epochs take milliseconds; 150 of them (each ends with a flushed checkpoint) leave time to land a signal.
            string[] Args(string run) =>
            [
                "train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,1", "--per-class", "20", "--backend", "native",
                "--epochs", "150", "--lr", "0.01", "--heads", "quantum", "--seed", "5",
                "--cache-dir", Path.Combine(root, "cache"), "--out", run,
            ];
            string uninterrupted = Path.Combine(root, "uninterrupted"), stopped = Path.Combine(root, "stopped");
            var (code, output, error) = QtlProcess.Run(Args(uninterrupted));
            Assert.That(code, Is.EqualTo(0), error + output);

            (code, error) = SignalAfterFirstCheckpoint(Args(stopped), RunFolder.Checkpoint(stopped), signal);
            Assert.That(code, Is.EqualTo(expectedCode), error);
            int kept = Checkpoint.Load(RunFolder.Checkpoint(stopped)).Progress.EpochsDone;
            Assert.That(kept, Is.InRange(1, 149), "the signal should land after the first checkpoint and before the last");
            Assert.That(File.Exists(Path.Combine(stopped, "summary.json")), Is.False, "a stopped run writes no summary");
            Assert.That(File.Exists(Path.Combine(stopped, "report.html")), Is.False, "and no report");
            Assert.That(Directory.GetFiles(stopped, "*.tmp"), Is.Empty, "no half-written file");
            string notice = error.Split('\n').Single(l => l.StartsWith("interrupted: ", StringComparison.Ordinal));
            Assert.That(notice, Does.EndWith($"(stopped by {name}, exit {expectedCode})"));
            Assert.That(notice, Does.Contain($"quantum to epoch {kept}").And.Contain(Path.GetFullPath(stopped)));

            // The printed command, run as printed: the options of the first, --out and --resume.
            string resume = notice[(notice.IndexOf("Continue with: ", StringComparison.Ordinal) + "Continue with: ".Length)..notice.LastIndexOf(" (stopped by", StringComparison.Ordinal)].Trim();
            Assert.That(resume, Does.StartWith("dotnet run --project Host -- train ").And.EndWith($"--out {stopped} --resume"));
            string[] resumeArgs = resume["dotnet run --project Host -- ".Length..].Split(' ');
            (code, output, error) = QtlProcess.Run(resumeArgs);
            Assert.That(code, Is.EqualTo(0), error + output);
            Assert.That(output, Does.Contain($"from epoch {kept} of 150"));

            var expected = Checkpoint.Load(RunFolder.Checkpoint(uninterrupted));
            var actual = Checkpoint.Load(RunFolder.Checkpoint(stopped));
            Assert.That(actual.Progress.EpochsDone, Is.EqualTo(150));
            foreach (var (parameter, value) in expected.Progress.Parameters)
                Assert.That(actual.Progress.Parameters[parameter], Is.EqualTo(value), parameter); // exact equality, not a tolerance
            Assert.That(actual.Progress.History.Select(h => h.ValidationLoss), Is.EqualTo(expected.Progress.History.Select(h => h.ValidationLoss)));
            Assert.That(File.Exists(Path.Combine(stopped, "report.html")), Is.True);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Starts qtl, sends <paramref name="signal"/> to it once the first checkpoint appears, and returns its exit code and stderr.</summary>
    private static (int Code, string Error) SignalAfterFirstCheckpoint(string[] args, string checkpoint, int signal)
    {
        using var process = QtlProcess.Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        QtlProcess.WaitForFile(process, stderr, checkpoint);
        Assert.That(Kill(process.Id, signal), Is.EqualTo(0), "kill(2) failed");
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("qtl did not stop within a minute of the signal");
        }
        return (process.ExitCode, stderr.Result);
    }

    /// <summary>kill(1), as a scheduler or a shell sends the signal to the process.</summary>
    private static int Kill(int pid, int signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}

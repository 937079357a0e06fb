using System.Diagnostics;
using Qtl.Data;
using Qtl.Tests.Data;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary>A run folder has one writer: concurrent trains into it are refused, and Ctrl+C says what was kept.</summary>
[Integration]
[NonParallelizable]
public class RunOwnershipTests
{
    private static string[] Train(string root, string run, int epochs) =>
    [
        "train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,1", "--per-class", "20", "--epochs", epochs.ToString(),
        "--heads", "quantum,linear", "--backend", "native", "--cache-dir", Path.Combine(root, "cache"), "--out", run,
    ];

    [Test]
    public void OfTwoTrainsIntoOneFolderExactlyOneWritesItAndTheOtherIsRefused()
    {
        string root = TestImages.TempDir("qtl-two");
        try
        {
            string run = Path.Combine(root, "run");
            using var first = QtlProcess.Start(Train(root, run, 3));
            using var second = QtlProcess.Start(Train(root, run, 3));
            var results = new[] { first, second }.Select(p =>
            {
                var output = p.StandardOutput.ReadToEndAsync();
                var error = p.StandardError.ReadToEndAsync();
                p.WaitForExit();
                return (p.ExitCode, Output: output.Result, Error: error.Result);
            }).ToArray();

            Assert.That(results.Count(r => r.ExitCode == 0), Is.EqualTo(1), string.Join("\n", results.Select(r => r.Error)));
            var refused = results.Single(r => r.ExitCode != 0);
            // Refused while the other writes, or after it finished: either way with one line and nothing written.
            Assert.That(refused.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(refused.Error, Does.Contain("in use by another qtl process").Or.Contain("already holds a run"));
            Assert.That(File.ReadAllLines(Path.Combine(run, "quantum.metrics.jsonl")), Has.Length.EqualTo(3), "one writer: three epochs, not interleaved");
            Assert.That(Checkpoint.Load(RunFolder.Checkpoint(run)).Progress.EpochsDone, Is.EqualTo(3));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void CtrlCSaysWhatTheRunKeptAndHowToResume()
    {
        string root = TestImages.TempDir("qtl-sigint");
        try
        {
            string run = Path.Combine(root, "run");
            using var process = QtlProcess.Start(Train(root, run, 100_000));
            var error = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!File.Exists(RunFolder.Checkpoint(run)) && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.That(process.HasExited, Is.False, "qtl stopped before its first checkpoint");
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "qtl did not stop on SIGINT");

            Assert.That(process.ExitCode, Is.Not.EqualTo(0));
            Assert.That(error.Result, Does.Contain($"interrupted: {run} keeps every completed epoch").And.Contain("--resume"));
            Assert.That(Checkpoint.Load(RunFolder.Checkpoint(run)).Progress.EpochsDone, Is.GreaterThanOrEqualTo(1));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

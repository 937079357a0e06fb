using Qtl.Data;
using Qtl.Tests.Data;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary>Same command and seed, same bits: across processes, code tiers and resumes.</summary>
[Integration]
[NonParallelizable]
public class TrainReproducibilityTests
{
    private static string[] Train(string root, string run, string gradient, int epochs) =>
    [
        "train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,1", "--per-class", "100", "--epochs", epochs.ToString(),
        "--heads", "quantum", "--backend", "native", "--gradient", gradient, "--cache-dir", Path.Combine(root, "cache"), "--out", run,
    ];

    private static void AssertSameBits(TrainingState expected, TrainingState actual, string what)
    {
        Assert.That(actual.Progress.EpochsDone, Is.EqualTo(expected.Progress.EpochsDone), what);
        foreach (var (name, value) in expected.Progress.Parameters)
            Assert.That(actual.Progress.Parameters[name], Is.EqualTo(value), $"{what}: {name}"); // exact, no tolerance
        Assert.That(actual.Progress.Optimisers.Select(o => o.Second), Is.EqualTo(expected.Progress.Optimisers.Select(o => o.Second)), $"{what}: Adam moments");
        Assert.That(actual.Progress.History.Select(h => h.ValidationLoss), Is.EqualTo(expected.Progress.History.Select(h => h.ValidationLoss)), what);
    }

    /// <summary>
    /// Four processes whose hot code runs in different tiers (precompiled, re-jitted early or late, never
    /// tiered): any floating-point kernel whose rounding depends on the tier shows up as different weights.
    /// </summary>
    [Test]
    public void FourNativeParameterShiftTrainingsGiveBitIdenticalCheckpoints()
    {
        string root = TestImages.TempDir("qtl-bits");
        try
        {
            (string Name, string? Variable, string? Value)[] tiers =
            [
                ("default", null, null), ("no-readytorun", "DOTNET_ReadyToRun", "0"),
                ("no-tiering", "DOTNET_TieredCompilation", "0"), ("early-tier-1", "DOTNET_TC_CallCountThreshold", "1"),
            ];
            var states = tiers.Select(t =>
            {
                string run = Path.Combine(root, t.Name);
                var (code, output, error) = QtlProcess.Run(Train(root, run, "parameter-shift", 3), env => { if (t.Variable is not null) env[t.Variable] = t.Value; });
                Assert.That(code, Is.EqualTo(0), error + output);
                return (t.Name, State: Checkpoint.Load(RunFolder.Checkpoint(run)));
            }).ToList();
            foreach (var (name, state) in states.Skip(1))
                AssertSameBits(states[0].State, state, name);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestCase("parameter-shift")]
    [TestCase("adjoint")]
    public void ResumingAfterEpochOneEndsWithTheBitsOfAnUninterruptedRun(string gradient)
    {
        string root = TestImages.TempDir("qtl-resume");
        try
        {
            string straight = Path.Combine(root, "straight"), resumed = Path.Combine(root, "resumed");
            var (code, output, error) = QtlProcess.Run(Train(root, straight, gradient, 3));
            Assert.That(code, Is.EqualTo(0), error + output);
            (code, output, error) = QtlProcess.Run(Train(root, resumed, gradient, 1));
            Assert.That(code, Is.EqualTo(0), error + output);
            (code, output, error) = QtlProcess.Run([.. Train(root, resumed, gradient, 3), "--resume"]);
            Assert.That(code, Is.EqualTo(0), error + output);

            Assert.That(output, Does.Contain($"resuming {resumed} (quantum head) from epoch 1 of 3"));
            // Redirected output: one line per epoch, no redrawn progress bar.
            Assert.That(output.Split('\n').Where(l => l.Contains('%') && !l.Contains("epoch") && !l.Contains('│')), Is.Empty, output);
            AssertSameBits(Checkpoint.Load(RunFolder.Checkpoint(straight)), Checkpoint.Load(RunFolder.Checkpoint(resumed)), gradient);
            Assert.That(File.ReadAllLines(Path.Combine(resumed, "quantum.metrics.jsonl")), Has.Length.EqualTo(3));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

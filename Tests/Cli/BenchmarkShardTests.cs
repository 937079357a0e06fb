using Qtl.Tests.Benchmarks;

namespace Qtl.Tests.Cli;

/// <summary>
/// <c>benchmark</c> as a cluster runs it, each part its own qtl process: two shards then a merge give the files of one
/// unsharded run byte for byte; a run stopped by SIGTERM keeps its finished cells and, rerun, writes the same files.
/// </summary>
[Integration]
[NonParallelizable]
public class BenchmarkShardTests
{
    private static readonly string[] Outputs =
        ["results.csv", "cells.csv", "results.md", "report.html", "comparison.svg", "comparison.csv", "learning-curves.svg", "learning-curves.csv", "sensitivity.svg", "sensitivity.csv"];

    private string _dir = "";
    private string _train = "", _test = "";

    [SetUp]
    public void Create()
    {
        _dir = Directory.CreateTempSubdirectory("qtl-benchmark-shards").FullName;
        (_train, _test) = BenchmarkCsv.Write(_dir);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void TwoShardsMergedGiveTheFilesOfOneRunByteForByte()
    {
        string Dir(string name) => Path.Combine(_dir, name);
        Succeed(BenchmarkCommandTests.Tiny(_train, _test, Dir("one")));
        Succeed([.. BenchmarkCommandTests.Tiny(_train, _test, Dir("shard0")), "--shard", "0/2"]);
        Succeed([.. BenchmarkCommandTests.Tiny(_train, _test, Dir("shard1")), "--shard", "1/2"]);
        Assert.That(File.Exists(Path.Combine(Dir("shard0"), "results.csv")), Is.False, "a shard writes cells, not results");
        int cells0 = Directory.GetFiles(Path.Combine(Dir("shard0"), "cells")).Length, cells1 = Directory.GetFiles(Path.Combine(Dir("shard1"), "cells")).Length;
        Assert.That(cells0 + cells1, Is.EqualTo(256), "the shards split the cross-validation cells between them");
        Assert.That(Math.Abs(cells0 - cells1), Is.LessThanOrEqualTo(1));

        string output = Succeed(["benchmark", "merge", Dir("shard0"), Dir("shard1"), "--out", Dir("merged")]);
        Assert.That(output, Does.Contain("Merged 256 cell file(s)"));
        foreach (string file in Outputs)
            Assert.That(File.ReadAllBytes(Path.Combine(Dir("merged"), file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(Dir("one"), file))), file);

        var (code, _, error) = QtlProcess.Run(["benchmark", "merge", Dir("shard0"), "--out", Dir("partial")]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("cross-validation cells are in none of the folders"));
    }

    [TestCase(15, 143)]
    [TestCase(2, 130)]
    public void AStoppedRunKeepsItsCellsAndARerunWritesTheFilesOfAnUninterruptedOne(int signal, int expectedCode)
    {
        // One thread and more epochs: the run lasts long enough for the signal to land between its first cell and its last.
        string[] Args(string dir) =>
            ["benchmark", "--train", _train, "--test", _test, "--folds", "2", "--seeds", "2", "--epochs", "30", "--sizes", "6,all", "--threads", "1", "--out", dir];
        string whole = Path.Combine(_dir, "whole"), stopped = Path.Combine(_dir, "stopped");
        Succeed(Args(whole));

        using (var process = QtlProcess.Start(Args(stopped)))
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            QtlProcess.WaitForFile(process, stderr, Path.Combine(stopped, "cells", "cv-6-quantum-g1-f1.csv"));
            using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True, "qtl did not stop within a minute of the signal");
            Assert.That(process.ExitCode, Is.EqualTo(expectedCode), stderr.Result);
            Assert.That(stderr.Result, Does.Contain("keeps every finished cell; continue with: dotnet run --project Host -- benchmark"));
        }
        int kept = Directory.GetFiles(Path.Combine(stopped, "cells"), "*.csv").Length;
        Assert.That(kept, Is.InRange(1, 215), "the stop should land after the first cell and before the last");
        Assert.That(File.Exists(Path.Combine(stopped, "results.csv")), Is.False);
        Assert.That(Directory.GetFiles(stopped, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no half-written file");

        Succeed(Args(stopped));
        foreach (string file in Outputs)
            Assert.That(File.ReadAllBytes(Path.Combine(stopped, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, file))), file);
    }

    private static string Succeed(string[] args)
    {
        var (code, output, error) = QtlProcess.Run(args);
        Assert.That(code, Is.EqualTo(0), $"qtl {string.Join(' ', args)}: {error}{output}");
        return output;
    }
}

using System.Text.Json.Nodes;
using Qtl.Data;
using Qtl.Model;
using Qtl.Tests.Data;
using Qtl.Training;

namespace Qtl.Tests.Cli;

/// <summary>
/// Bad input and faults against a finished run, each through a real <c>qtl</c> process: every failure is
/// one line on stderr with a non-zero exit, and the run folder stays byte-identical and usable.
/// </summary>
[Integration]
[NonParallelizable]
public class RunFolderFaultTests
{
    private string _root = null!, _run = null!;
    private Dictionary<string, string> _snapshot = null!;

    [OneTimeSetUp]
    public void TrainOneRun()
    {
        _root = TestImages.TempDir("qtl-faults");
        _run = Path.Combine(_root, "run");
        var (code, output, error) = QtlProcess.Run(Train(_run));
        Assert.That(code, Is.EqualTo(0), error + output);
        _snapshot = RunFolderSnapshot.Take(_run);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    /// <summary>The train arguments of the shared run; <paramref name="changes"/> replace (or, with null, drop) options.</summary>
    private string[] Train(string run, params (string Option, string? Value)[] changes)
    {
        var options = new Dictionary<string, string?>
        {
            ["--data"] = FashionMnist.SubsetDirectory, ["--classes"] = "0,1", ["--per-class"] = "20", ["--epochs"] = "2", ["--lr"] = "0.01",
            ["--heads"] = "quantum,linear", ["--seed"] = "3", ["--backend"] = "native", ["--cache-dir"] = Path.Combine(_root, "cache"), ["--out"] = run,
        };
        foreach (var (option, value) in changes) options[option] = value;
        return ["train", .. options.Where(o => o.Value is not null).SelectMany(o => o.Value == "" ? new[] { o.Key } : [o.Key, o.Value!])];
    }

    private static void AssertOneLineError((int Code, string Output, string Error) result, string expected)
    {
        Assert.That(result.Code, Is.Not.EqualTo(0), result.Output);
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1), result.Error);
        Assert.That(result.Error, Does.StartWith("error: ").And.Contain(expected));
    }

    private void AssertRunUnchangedAndUsable()
    {
        Assert.That(RunFolderSnapshot.Take(_run), Is.EqualTo(_snapshot), "the run folder changed");
        var (code, _, error) = QtlProcess.Run(["evaluate", "--run", _run, "--json"]);
        Assert.That(code, Is.EqualTo(0), error);
    }

    [TestCase("--backbone", "{other-model}", "--backbone is")]
    [TestCase("--data", "{empty-folder}", "--data is")]
    [TestCase("--classes", "0,2", "--classes is 0,2 here, 0,1 in the run")]
    [TestCase("--backend", null, "--backend is qsharp here, native in the checkpoint")]
    [TestCase("--lr", "0.02", "--lr is 0.02 here, 0.01 in the checkpoint")]
    [TestCase("--epochs", "2", "give a larger --epochs")]
    [TestCase("--lr", "0,01", "decimal point")]
    public void AFailedResumeLeavesTheRunByteIdenticalAndUsable(string option, string? value, string expected)
    {
        string empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        value = value?.Replace("{other-model}", TestImages.Model("tiny-resnet.onnx")).Replace("{empty-folder}", empty);
        AssertOneLineError(QtlProcess.Run(Train(_run, (option, value), ("--epochs", option == "--epochs" ? value : "3"), ("--resume", ""))), expected);
        AssertRunUnchangedAndUsable();
    }

    [Test]
    public void TrainIntoAnExistingRunWithoutResumeIsRefused()
    {
        AssertOneLineError(QtlProcess.Run(Train(_run)), "already holds a run");
        AssertRunUnchangedAndUsable();
    }

    [Test]
    public void ResumeIntoAMissingFolderIsRefusedAndCreatesNothing()
    {
        string missing = Path.Combine(_root, "missing");
        AssertOneLineError(QtlProcess.Run(Train(missing, ("--resume", ""))), "holds no run to continue");
        Assert.That(Directory.Exists(missing), Is.False);
    }

    [Test]
    public void OutThatIsAFileIsRefused()
    {
        string file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "keep me");
        AssertOneLineError(QtlProcess.Run(Train(file)), $"--out {file} is a file");
        Assert.That(File.ReadAllText(file), Is.EqualTo("keep me"));
    }

    [Test]
    public void DataThatIsAFileIsRefusedAsAFile()
    {
        string file = Path.Combine(_root, "data-file");
        File.WriteAllText(file, "");
        AssertOneLineError(QtlProcess.Run(Train(Path.Combine(_root, "new"), ("--data", file))), $"--data {file} is a file");
    }

    [Test]
    public void AnUnwritableOutIsOneLineNamingIt()
    {
        // /sys refuses new folders even to root, where file permissions would not.
        string unwritable = $"/sys/qtl-run-{Guid.NewGuid():N}";
        AssertOneLineError(QtlProcess.Run(Train(unwritable)), unwritable);
    }

    [Test]
    public void AFullDiskDuringResumeIsOneLineAndKeepsEveryEarlierEpoch()
    {
        // ulimit -f 4: the next checkpoint (~20 KB) cannot be written, as on a full disk.
        // W^X off: the runtime's double-mapped code heap is a file too, and would not fit under the limit.
        var result = QtlProcess.Run(Train(_run, ("--epochs", "3"), ("--resume", "")), env => env["DOTNET_EnableWriteXorExecute"] = "0", fileSizeLimitKiB: 4);
        AssertOneLineError(result, "could not write " + RunFolder.Checkpoint(_run));
        Assert.That(result.Error, Does.Contain("File too large").And.Contain("unchanged"));
        AssertRunUnchangedAndUsable();
    }

    [Test]
    public void EvaluateRefusesACheckpointOfAnotherHeadUnderTheQuantumName()
    {
        string copy = CopyRun("mislabelled");
        File.Copy(RunFolder.Checkpoint(copy, HeadKind.Linear), RunFolder.Checkpoint(copy), overwrite: true);
        AssertOneLineError(QtlProcess.Run(["evaluate", "--run", copy]), "holds a 'linear' head, not the quantum head");
    }

    [Test]
    public void ANaNInACheckpointIsNamedByFileAndField()
    {
        string copy = CopyRun("nan");
        string path = RunFolder.Checkpoint(copy);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["state"]!["progress"]!["parameters"]!["circuit.weights"]![3] = "NaN";
        File.WriteAllText(path, json.ToJsonString());
        AssertOneLineError(QtlProcess.Run(Train(copy, ("--epochs", "3"), ("--resume", ""))), $"{path}: parameters.circuit.weights[3] is NaN");
    }

    private string CopyRun(string name)
    {
        string copy = Path.Combine(_root, name);
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(_run)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)), overwrite: true);
        return copy;
    }
}

using System.Text.RegularExpressions;
using Qtl.Cli;
using Qtl.IO;
using Qtl.Runtime;

namespace Qtl.Tests.Cli;

/// <summary>The Slurm and Kubernetes files of docs/cluster/ run commands qtl accepts, shard i/n from the scheduler's index.</summary>
public partial class ClusterFilesTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["STUDY"] = "runs/benchmark", ["TRAIN"] = "data/train.csv", ["TEST"] = "data/test.csv", ["SLURM_CPUS_PER_TASK"] = "2",
        ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_ARRAY_TASK_COUNT"] = "8", ["JOB_COMPLETION_INDEX"] = "3",
    };

    [TestCase("benchmark-shards.slurm", "--shard 3/8")]
    [TestCase("benchmark-merge.slurm", "merge")]
    [TestCase("benchmark-job.yaml", "--shard 3/8")]
    [TestCase("benchmark-merge-job.yaml", "merge")]
    public void TheFileRunsABenchmarkCommandThatParses(string file, string expected)
    {
        string text = File.ReadAllText(Path.Combine(SourceTree.Root(), "docs", "cluster", file));
        // Continuation lines (a shell's backslash, a YAML folded block) start with an option.
        string joined = Continuation().Replace(text.Replace("\\\n", "\n"), " ");
        var command = QtlCommand().Match(joined);
        Assert.That(command.Success, Is.True, $"{file} runs no qtl benchmark");
        string line = Variable().Replace(command.Groups[1].Value, m => Environment[m.Groups[1].Value]).Replace("\"", "").Replace("shard-*", "shard-0");
        Assert.That(line, Does.Contain(expected));
        using var runtime = new QdkRuntime();
        var parse = CommandLine.Build(runtime).Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.That(parse.Errors.Select(e => e.Message), Is.Empty, line);
    }

    [GeneratedRegex(@"\n\s+(?=--)")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"qtl\.dll (benchmark[^\n]*)")]
    private static partial Regex QtlCommand();

    [GeneratedRegex(@"\$\{?(\w+)\}?")]
    private static partial Regex Variable();
}

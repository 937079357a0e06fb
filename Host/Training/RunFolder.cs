using System.Globalization;
using System.Text.Json;
using Qtl.Model;
using Qtl.Features;
using Qtl.IO;

namespace Qtl.Training;

/// <summary>
/// The layout of a run folder written by <c>train</c>: one checkpoint and metrics file per head and the
/// data options that made its features, so evaluate, predict and the hardware verbs can reload them.
/// </summary>
public static class RunFolder
{
    public const string DataOptionsFile = "data-options.json";
    public const string SummaryFile = "summary.json";

    public static string Checkpoint(string runDir, HeadKind kind = HeadKind.Quantum) => TransferExperiment.CheckpointPath(runDir, kind);

    public static string Metrics(string runDir, HeadKind kind) => Path.Combine(runDir, $"{kind.Text()}.metrics.jsonl");

    /// <summary>
    /// Writes a run's summary.json, the one writer of every kind of run: the product's JSON options, properties a run
    /// does not have (null) left out.
    /// </summary>
    public static void WriteSummary(string runDir, object summary) =>
        AtomicFile.WriteAllText(Path.Combine(runDir, SummaryFile), JsonSerializer.Serialize(summary, JsonFiles.WithoutNulls));

    /// <summary>Whether <paramref name="dir"/> already holds (part of) a run: its data options, a checkpoint or a summary.</summary>
    public static bool HoldsRun(string dir) =>
        Directory.Exists(dir) && (File.Exists(Path.Combine(dir, DataOptionsFile)) || File.Exists(Path.Combine(dir, SummaryFile))
            || Directory.EnumerateFiles(dir, "*.checkpoint.json").Any());

    /// <summary>
    /// Creates and locks a new folder <c>parent/yyyyMMdd-HHmmss</c>, adding -2, -3, … when that name is
    /// taken: two runs started in the same second get two folders.
    /// </summary>
    public static RunLock CreateDefault(string parent, DateTime now)
    {
        string stem = Path.Combine(parent, now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        for (int k = 1; k <= 1000; k++)
        {
            string candidate = k == 1 ? stem : $"{stem}-{k}";
            if (Directory.Exists(candidate) || File.Exists(candidate)) continue;
            var owner = RunLock.TryAcquire(candidate);
            if (owner is not null && !HoldsRun(candidate)) return owner;
            owner?.Dispose();
        }
        throw new IOException($"no free run folder name under {Path.GetFullPath(parent)} for {stem}; give --out.");
    }

    public static void SaveDataOptions(string runDir, DataOptions options) =>
        AtomicFile.WriteAllText(Path.Combine(runDir, DataOptionsFile), JsonSerializer.Serialize(Absolute(options), JsonFiles.Options));

    /// <summary>Paths made absolute, as stored, so the run can be evaluated from any working directory.</summary>
    public static DataOptions Absolute(DataOptions options) => options with
    {
        DataPath = options.DataPath is null ? null : Path.GetFullPath(options.DataPath),
        BackbonePath = options.BackbonePath is null or Backbones.ResNet18Package.Name ? options.BackbonePath : Path.GetFullPath(options.BackbonePath),
    };

    public static DataOptions LoadDataOptions(string runDir)
    {
        string path = Path.Combine(runDir, DataOptionsFile);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: is {runDir} a run folder written by `train`?");
        try
        {
            return JsonSerializer.Deserialize<DataOptions>(File.ReadAllText(path), JsonFiles.Options) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not readable data options: {e.Message}");
        }
    }

    /// <summary>The best model of head <paramref name="kind"/>, refusing a checkpoint that holds another head.</summary>
    public static TrainedModel LoadModel(string runDir, HeadKind kind)
    {
        string path = Checkpoint(runDir, kind);
        if (!File.Exists(path))
            throw new FileNotFoundException($"no {kind.Text()} head checkpoint at {Path.GetFullPath(path)}; train with --heads including {kind.Text()}.");
        var model = Training.Checkpoint.LoadModel(path);
        if (model.Kind != kind)
            throw new InvalidDataException($"{path} holds a '{model.Kind.Text()}' head, not the {kind.Text()} head; give --head {model.Kind.Text()} or retrain.");
        return model;
    }

    /// <summary>Rewrites a head's metrics from its checkpointed history, so the file always matches the checkpoint.</summary>
    public static void WriteMetrics(string runDir, HeadKind kind, IEnumerable<EpochMetrics> history) =>
        AtomicFile.WriteAllText(Metrics(runDir, kind), string.Concat(history.Select(m => JsonSerializer.Serialize(m, JsonFiles.Lines) + "\n")));
}

using System.CommandLine;
using System.Text.Json;
using Qtl.Data;
using Qtl.Model;
using Qtl.Training;

namespace Qtl.Cli;

/// <summary>
/// Where the hardware verbs (noise-study, estimate, export-qir) get a trained quantum head and its
/// validation data: a run folder written by <c>train</c> (<c>--run</c>: quantum.checkpoint.json plus
/// the data settings recorded in summary.json), or <c>--checkpoint</c> with the data options of train.
/// </summary>
internal sealed class TrainedRun
{
    private readonly Option<string?> _run = new("--run") { Description = "Run folder written by train (reads quantum.checkpoint.json and summary.json)." };
    private readonly Option<string?> _checkpoint = new("--checkpoint") { Description = "A quantum head checkpoint (quantum.checkpoint.json); give the data options it was trained with." };
    private readonly Option<string?> _data = new("--data") { Description = "FashionMNIST IDX folder or image folder the model was trained on (default: as recorded in the run, else FashionMNIST)." };
    private readonly Option<string?> _backbone = new("--backbone") { Description = "Backbone ONNX model the model was trained with (default: the demo backbone)." };
    private readonly Option<string?> _classes = new("--classes") { Description = "FashionMNIST classes of the task, e.g. 0,1 (default: the checkpoint's class names)." };
    private readonly Option<int?> _perClass = new("--per-class") { Description = "Per-class limit used in training (default: inferred from summary.json's train_samples / classes)." };
    private readonly Option<string?> _featureOutput = new("--feature-output") { Description = "Backbone output used as features in training." };
    private readonly Option<string?> _cache = new("--cache-dir") { Description = "Feature cache folder (default ~/.cache/qtl-qsharp/features)." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _run, _checkpoint, _data, _backbone, _classes, _perClass, _featureOutput, _cache })
            command.Options.Add(o);
    }

    public bool HasModel(ParseResult r) => r.GetValue(_run) is not null || r.GetValue(_checkpoint) is not null;

    /// <summary>The checkpoint file named by --run or --checkpoint.</summary>
    public string CheckpointPath(ParseResult r)
    {
        string? run = r.GetValue(_run), checkpoint = r.GetValue(_checkpoint);
        if (run is not null && checkpoint is not null) throw new CliError("give --run or --checkpoint, not both.");
        if (run is not null)
        {
            if (!Directory.Exists(run)) throw new CliError($"--run: no run folder at {Path.GetFullPath(run)}.");
            return TransferExperiment.CheckpointPath(run, Head.Quantum);
        }
        return checkpoint ?? throw new CliError("give a trained model: --run <folder written by train> or --checkpoint <quantum.checkpoint.json>.");
    }

    public TrainedModel LoadModel(ParseResult r)
    {
        string path = CheckpointPath(r);
        if (!File.Exists(path)) throw new CliError($"no quantum head checkpoint at {Path.GetFullPath(path)}; train with --heads including quantum.");
        var model = Checkpoint.LoadModel(path);
        if (model.Kind != Head.Quantum) throw new CliError($"{path} holds a '{model.Kind}' head; these verbs need the quantum head (quantum.checkpoint.json).");
        return model;
    }

    /// <summary>Loads the task's features (cached after the first extraction) and checks they are the ones the model was trained on.</summary>
    public TransferData LoadData(ParseResult r, TrainedModel model, Action<string> notice)
    {
        JsonElement? summary = ReadSummary(r.GetValue(_run));
        JsonElement? recorded = summary is { } s && s.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : null;
        string? Str(string name) => recorded is { } x && x.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        string? dataPath = r.GetValue(_data) ?? Str("data_path");
        int[]? classes = ParseClasses(r.GetValue(_classes)) ?? RecordedClasses(recorded);
        if (classes is null && (dataPath is null || !ImageFolder.IsImageFolder(dataPath)))
        {
            int[] byName = model.ClassNames.Select(n => FashionMnist.ClassNames.ToList().IndexOf(n)).ToArray();
            if (byName.Contains(-1))
                throw new CliError($"the model's classes [{string.Join(", ", model.ClassNames)}] are not FashionMNIST classes; give --data <the image folder it was trained on> and --backbone.");
            classes = byName;
        }
        int? perClass = r.GetValue(_perClass) ?? RecordedInt(recorded, "per_class_limit") ?? InferredPerClass(summary, model);
        var options = new DataOptions(dataPath, r.GetValue(_backbone) ?? Str("backbone_path"), classes,
            r.GetValue(_featureOutput) ?? Str("feature_output"), perClass, model.Options.Seed, r.GetValue(_cache));
        var data = TransferDataLoader.Load(options, notice);
        if (!data.Validation.ClassNames.SequenceEqual(model.ClassNames))
            throw new CliError($"the data's classes [{string.Join(", ", data.Validation.ClassNames)}] differ from the model's [{string.Join(", ", model.ClassNames)}]; give the data options used in training.");
        if (summary is { } sum && sum.TryGetProperty("validation_samples", out var vs) && vs.TryGetInt32(out int expected) && expected != data.Validation.Count)
            notice($"warning: the run was validated on {expected} samples, these data options give {data.Validation.Count}; pass --per-class/--data as used in training to match.");
        return data;
    }

    private static JsonElement? ReadSummary(string? run)
    {
        if (run is null) return null;
        string path = Path.Combine(run, "summary.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliError($"{path} is not valid JSON ({e.Message}).");
        }
    }

    private static int[]? RecordedClasses(JsonElement? recorded) =>
        recorded is { } x && x.TryGetProperty("classes", out var c) && c.ValueKind == JsonValueKind.Array
            ? c.EnumerateArray().Select(v => v.GetInt32()).ToArray() : null;

    private static int? RecordedInt(JsonElement? recorded, string name) =>
        recorded is { } x && x.TryGetProperty(name, out var v) && v.TryGetInt32(out int i) ? i : null;

    /// <summary>
    /// summary.json records train_samples, not --per-class; FashionMNIST selections are class-balanced, so
    /// train_samples / classes reproduces the limit (a limit at or above a class's size selects all of it).
    /// </summary>
    private static int? InferredPerClass(JsonElement? summary, TrainedModel model) =>
        summary is { } s && s.TryGetProperty("train_samples", out var t) && t.TryGetInt32(out int train) && model.ClassNames.Count > 0
            ? (train + model.ClassNames.Count - 1) / model.ClassNames.Count : null;

    internal static int[]? ParseClasses(string? text) =>
        text is null ? null : Parsing.Doubles(text, "--classes").Select(v =>
            v == Math.Floor(v) && v is >= 0 and <= 9 ? (int)v : throw new CliError($"--classes: {v} is not a class index; allowed: integers 0 to 9.")).ToArray();
}

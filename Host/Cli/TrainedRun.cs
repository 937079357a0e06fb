using System.CommandLine;
using System.Text.Json;
using Qtl.Data;
using Qtl.Model;
using Qtl.Training;
using Spectre.Console;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary>
/// Where the hardware verbs (noise-study, estimate, export-qir) get a trained quantum head and its
/// validation data: a run folder written by <c>train</c> (<c>--run</c>: quantum.checkpoint.json and
/// data-options.json), or <c>--checkpoint</c>, with any data option overridden as in train.
/// </summary>
internal sealed class TrainedRun
{
    private readonly Option<string?> _run = new("--run") { Description = "Run folder written by train (reads quantum.checkpoint.json and its data options)." };
    private readonly Option<string?> _checkpoint = new("--checkpoint") { Description = "A quantum head checkpoint (quantum.checkpoint.json); give the data options it was trained with." };
    private readonly DataOptionsBinder _dataOptions = new(recorded: true);

    public void AddTo(Command command)
    {
        command.Options.Add(_run);
        command.Options.Add(_checkpoint);
        _dataOptions.AddTo(command);
    }

    public bool HasModel(ParseResult r) => r.GetValue(_run) is not null || r.GetValue(_checkpoint) is not null;

    /// <summary>The checkpoint file named by --run or --checkpoint.</summary>
    public string CheckpointPath(ParseResult r)
    {
        string? run = r.GetValue(_run), checkpoint = r.GetValue(_checkpoint);
        if (run is not null && checkpoint is not null) throw new UserError("give --run or --checkpoint, not both.");
        if (run is not null)
        {
            if (!Directory.Exists(run)) throw new UserError($"--run: no run folder at {Path.GetFullPath(run)}.");
            return TransferExperiment.CheckpointPath(run, HeadKind.Quantum);
        }
        return checkpoint ?? throw new UserError("give a trained model: --run <folder written by train> or --checkpoint <quantum.checkpoint.json>.");
    }

    public TrainedModel LoadModel(ParseResult r)
    {
        string path = CheckpointPath(r);
        if (!File.Exists(path)) throw new UserError($"no quantum head checkpoint at {Path.GetFullPath(path)}; train with --heads including quantum.");
        var model = Checkpoint.LoadModel(path);
        if (model.Kind != HeadKind.Quantum) throw new UserError($"{path} holds a '{model.Kind.Text()}' head; these verbs need the quantum head (quantum.checkpoint.json).");
        return model;
    }

    /// <summary>Loads the task's features (cached after the first extraction) and checks they are the ones the model was trained on.</summary>
    public TransferData LoadData(ParseResult r, TrainedModel model, Action<string> notice)
    {
        // A checkpoint inside a run folder finds the folder's records too.
        string run = Path.GetDirectoryName(Path.GetFullPath(CheckpointPath(r)))!;
        JsonElement? summary = ReadSummary(run);
        DataOptions recorded = File.Exists(Path.Combine(run, RunFolder.DataOptionsFile))
            ? RunFolder.LoadDataOptions(run)
            : FromModel(model);
        var options = _dataOptions.Override(r, recorded);
        var data = TransferDataLoader.Load(options, notice);
        if (!data.Validation.ClassNames.SequenceEqual(model.ClassNames))
            throw new UserError($"the data's classes [{string.Join(", ", data.Validation.ClassNames)}] differ from the model's [{string.Join(", ", model.ClassNames)}]; give the data options used in training.");
        if (summary is { } sum && sum.TryGetProperty("validation_samples", out var vs) && vs.TryGetInt32(out int expected) && expected != data.Validation.Count)
            Warn($"the run was validated on {expected} samples, these data options give {data.Validation.Count}; pass --data/--per-class as used in training to match.");
        return data;
    }

    public static void Warn(string message) => AnsiConsole.MarkupLineInterpolated($"[yellow]warning: {message}[/]");

    /// <summary>
    /// Data options for a checkpoint outside a run folder: the model's classes when they are FashionMNIST
    /// classes; data, backbone and limits come from the command line.
    /// </summary>
    private static DataOptions FromModel(TrainedModel model)
    {
        int[] classes = model.ClassNames.Select(n => FashionMnist.ClassNames.ToList().IndexOf(n)).ToArray();
        return new DataOptions(Classes: classes.Contains(-1) ? null : classes, Seed: model.Options.Seed);
    }

    private static JsonElement? ReadSummary(string run)
    {
        string path = Path.Combine(run, "summary.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new UserError($"{path} is not valid JSON ({e.Message}).");
        }
    }

}

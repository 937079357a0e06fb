using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qtl.Backbones;
using Qtl.Data;
using Qtl.Features;
using Qtl.IO;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Runtime;
using Qtl.Training;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary><c>predict</c>: image files → class and probabilities, through the run's backbone and a trained head.</summary>
public static class PredictCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var trained = new TrainedHeadOptions();
        var images = new Argument<string[]>("images") { Description = "Image files (.jpg, .jpeg, .png).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per image instead of a table." };
        var command = new Command("predict", "Predict the class of image files with a trained head.") { images, json };
        trained.AddTo(command);
        command.SetAction(r => Run(runtime, trained.RunFolder(r), trained.Head(r), r.GetValue(images)!, r.GetValue(json)));
        return command;
    }

    /// <summary>
    /// Classifies every readable file; each missing, unsupported or unreadable one gets its own line on stderr (and a
    /// failure object with <paramref name="json"/>), and any failure makes the exit code 2.
    /// </summary>
    private static int Run(QdkRuntime runtime, string runDir, HeadKind kind, string[] images, bool json)
    {
        var model = RunFolder.LoadModel(runDir, kind);
        var dataOptions = RunFolder.LoadDataOptions(runDir);
        var errors = new string?[images.Length];
        for (int i = 0; i < images.Length; i++)
        {
            string f = Path.GetFullPath(images[i]);
            if (!File.Exists(f)) errors[i] = $"image not found: {f}";
            else if (!ImageFolder.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                errors[i] = $"{f}: unsupported file type; allowed: {string.Join(", ", ImageFolder.Extensions)}.";
        }
        int[] candidates = Enumerable.Range(0, images.Length).Where(i => errors[i] is null).ToArray();
        double[][] logits = [];
        if (candidates.Length > 0)
        {
            using var backbone = TransferDataLoader.OpenBackbone(dataOptions);
            // Features of new photos are not cached: a file that fails to decode must fail again next time, not hit an entry.
            float[][] features = backbone.Extract(candidates.Length, k =>
            {
                try
                {
                    return RasterImage.Decode(Path.GetFullPath(images[candidates[k]]));
                }
                catch (InvalidDataException e)
                {
                    errors[candidates[k]] = e.Message;
                    return Unreadable;
                }
            });
            using var backend = kind == HeadKind.Quantum ? Backends.Create(model.Options.Backend, runtime) : null;
            logits = model.Logits(features.Select(f => f.Select(v => (double)v).ToArray()).ToArray(), backend);
        }
        var results = new List<(string Image, string? Error, double[]? P)>();
        for (int k = 0, i = 0; i < images.Length; i++)
        {
            bool extracted = k < candidates.Length && candidates[k] == i;
            double[]? p = extracted && errors[i] is null ? Probabilities.Softmax(logits[k]) : null;
            if (extracted) k++;
            results.Add((images[i], errors[i], p));
        }
        foreach (var (_, error, _) in results)
            if (error is not null) Console.Error.WriteLine($"error: {error}");

        if (json)
            foreach (var (image, error, p) in results)
                Console.WriteLine(JsonSerializer.Serialize(p is null
                    ? new Dictionary<string, object?> { ["image"] = image, ["ok"] = false, ["error"] = error }
                    : new Dictionary<string, object?>
                    {
                        ["image"] = image, ["ok"] = true, ["predicted"] = model.ClassNames[Probabilities.ArgMax(p)],
                        ["probabilities"] = model.ClassNames.Select((name, c) => (name, c)).ToDictionary(x => x.name, x => p[x.c]),
                    }, JsonFiles.Lines));
        else if (results.Any(r => r.P is not null))
        {
            var table = new Table().AddColumn("image").AddColumn("predicted");
            foreach (var name in model.ClassNames) table.AddColumn(new TableColumn($"p({Markup.Escape(name)})").RightAligned());
            foreach (var (image, _, p) in results.Where(r => r.P is not null))
                table.AddRow([Markup.Escape(image), Markup.Escape(model.ClassNames[Probabilities.ArgMax(p!)]),
                    .. p!.Select(v => v.ToString("F3", CultureInfo.InvariantCulture))]);
            AnsiConsole.Write(table);
        }
        return results.Any(r => r.P is null) ? 2 : 0;
    }

    /// <summary>What an unreadable file is run as, so the others keep their places; its features are dropped.</summary>
    private static readonly RasterImage Unreadable = new(1, 1, 3, [0, 0, 0]);
}

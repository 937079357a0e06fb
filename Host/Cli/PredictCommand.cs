using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
        var extracted = ImageFileFeatures.Extract(dataOptions, images);
        var readable = extracted.Where(e => e.Features is not null).Select(e => e.Features!).ToArray();
        double[][] logits = [];
        if (readable.Length > 0)
        {
            using var backend = kind == HeadKind.Quantum ? Backends.Create(model.Options.Backend, runtime) : null;
            logits = model.Logits(readable, backend);
        }
        var results = new List<(string Image, string? Error, double[]? P)>();
        for (int k = 0, i = 0; i < images.Length; i++)
            results.Add((images[i], extracted[i].Error, extracted[i].Features is null ? null : Probabilities.Softmax(logits[k++])));
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
}

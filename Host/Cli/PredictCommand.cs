using System.CommandLine;
using Qtl.Data;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Training;
using Spectre.Console;
using Qtl.Runtime;
using Qtl.Features;

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

    private static int Run(QdkRuntime runtime, string runDir, HeadKind kind, string[] images, bool json)
    {
        var model = RunFolder.LoadModel(runDir, kind);
        var dataOptions = RunFolder.LoadDataOptions(runDir);
        var files = images.Select(Path.GetFullPath).ToArray();
        foreach (var f in files)
        {
            if (!File.Exists(f)) throw new UserError($"image not found: {f}");
            if (!ImageFolder.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                throw new UserError($"{f}: unsupported file type; allowed: {string.Join(", ", ImageFolder.Extensions)}.");
        }
        // Labels are unknown here; the extractor needs one per image, so all get class 0.
        string root = Path.GetDirectoryName(files[0])!;
        var folder = new ImageFolder(root, model.ClassNames, [], []);
        var items = files.Select(f => new LabelledImage(f, 0)).ToList();
        using var backbone = TransferDataLoader.OpenBackbone(dataOptions);
        var features = new FeatureExtractor(new FeatureCache(dataOptions.CacheDir)).FromFolder(backbone, folder, items, "predict").Features;
        using var backend = kind == HeadKind.Quantum ? Backends.Create(model.Options.Backend, runtime) : null;
        var logits = model.Logits(features.Features, backend);

        if (json)
        {
            for (int i = 0; i < files.Length; i++)
            {
                var p = Probabilities.Softmax(logits[i]);
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    image = images[i],
                    predicted = model.ClassNames[Probabilities.ArgMax(p)],
                    probabilities = model.ClassNames.Select((name, c) => new { name, p = p[c] }).ToDictionary(x => x.name, x => x.p),
                }));
            }
            return 0;
        }
        var table = new Table().AddColumn("image").AddColumn("predicted");
        foreach (var name in model.ClassNames) table.AddColumn(new TableColumn($"p({Markup.Escape(name)})").RightAligned());
        for (int i = 0; i < files.Length; i++)
        {
            var p = Probabilities.Softmax(logits[i]);
            int best = Probabilities.ArgMax(p);
            table.AddRow([Markup.Escape(images[i]), Markup.Escape(model.ClassNames[best]), .. p.Select(v => v.ToString("F3"))]);
        }
        AnsiConsole.Write(table);
        return 0;
    }
}

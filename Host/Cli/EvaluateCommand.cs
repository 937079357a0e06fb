using System.CommandLine;
using System.Text.Json;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Training;
using Spectre.Console;
using Qtl.Runtime;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary><c>evaluate</c>: a trained head on a task's validation split → accuracy and confusion matrix.</summary>
public static class EvaluateCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var trained = new TrainedHeadOptions();
        var backend = SharedOptions.RecordedBackend();
        var shots = SharedOptions.Shots();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("evaluate", "Evaluate a trained head: validation accuracy and confusion matrix.") { backend, shots, json };
        trained.AddTo(command);
        command.SetAction(r => Run(runtime, trained.RunFolder(r), trained.Head(r), r.GetValue(backend), r.GetValue(shots), r.GetValue(json)));
        return command;
    }

    private static int Run(QdkRuntime runtime, string runDir, HeadKind kind, BackendKind? backendKind, int shots, bool json)
    {
        var model = RunFolder.LoadModel(runDir, kind);
        var data = TransferDataLoader.Load(RunFolder.LoadDataOptions(runDir), n => { if (!json) AnsiConsole.MarkupLineInterpolated($"[grey]{n}[/]"); });
        model = model with { Options = model.Options with { Backend = backendKind ?? model.Options.Backend, Shots = shots } };
        using var backend = kind == HeadKind.Quantum ? Backends.Create(model.Options.Backend, runtime) : null;
        var evaluation = Evaluation.From(model.Logits(data.Validation.Features, backend), data.Validation.Labels, data.Validation.ClassNames.Count);

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["head"] = kind.Text(), ["backend"] = kind == HeadKind.Quantum ? model.Options.Backend.Text() : null, ["shots"] = shots,
                ["accuracy"] = evaluation.Accuracy, ["loss"] = evaluation.Loss, ["samples"] = data.Validation.Count,
                ["classes"] = data.Validation.ClassNames, ["confusion"] = evaluation.Confusion,
            }));
            return 0;
        }
        AnsiConsole.MarkupLineInterpolated($"{kind.Text()} head, {data.Validation.Count} validation samples: accuracy [bold]{evaluation.Accuracy:P2}[/], loss {evaluation.Loss:F4}");
        var table = new Table().Title("Confusion matrix (rows: true, columns: predicted)").AddColumn("");
        foreach (var name in data.Validation.ClassNames) table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        for (int i = 0; i < evaluation.Confusion.Length; i++)
            table.AddRow([Markup.Escape(data.Validation.ClassNames[i]), .. evaluation.Confusion[i].Select(c => c.ToString())]);
        AnsiConsole.Write(table);
        return 0;
    }
}

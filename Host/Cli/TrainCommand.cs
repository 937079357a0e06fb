using System.CommandLine;
using System.Diagnostics;
using Qtl.Model;
using Qtl.Reports;
using Qtl.Training;
using Spectre.Console;
using Qtl.Runtime;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary>
/// <c>train</c>: frozen backbone features → quantum head and classical baselines → run folder
/// with checkpoints, metrics, summary.json and report.html. With no verb at all the host runs
/// this on the built-in demo task.
/// </summary>
public static class TrainCommand
{
    public const int DemoPerClass = 100;

    /// <summary>FashionMNIST T-shirt/top vs Shirt: the hardest pair for ImageNet features (a linear probe reaches ~81 %), so the heads differ.</summary>
    public static readonly int[] DemoClasses = [0, 6];

    /// <summary>
    /// The recipe with 8 epochs at lr 0.002, so the demo ends in a few minutes on the QDK: at the recipe's 0.0004
    /// every head needs ~30 epochs to converge.
    /// </summary>
    public static readonly TrainingOptions DemoOptions = new() { Epochs = 8, LearningRate = 0.002 };

    public static Command Create(QdkRuntime runtime)
    {
        var dataOptions = new DataOptionsBinder(recorded: false);
        var output = new Option<string?>("--out") { Description = "Run folder (default runs/<timestamp>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoints." };
        var binder = new TrainingOptionsBinder(defaultEpochs: 30);

        var command = new Command("train", "Train the dressed quantum circuit head and classical baselines on backbone features.");
        dataOptions.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(resume);
        binder.AddTo(command);
        command.SetAction(r =>
        {
            var options = binder.Bind(r);
            return Run(runtime, dataOptions.Bind(r, options.Seed), options, binder.Heads(r), r.GetValue(output), r.GetValue(resume));
        });
        return command;
    }

    /// <summary>The built-in demo: binary transfer to classes the backbone never saw, few epochs.</summary>
    public static int RunDemo(QdkRuntime runtime)
    {
        AnsiConsole.MarkupLine("[bold]qtl-qsharp demo[/]: transfer from the ImageNet ResNet18 to FashionMNIST [green]T-shirt/top vs Shirt[/].");
        return Run(runtime, new DataOptions(null, null, DemoClasses, null, DemoPerClass, DemoOptions.Seed, null),
            DemoOptions, TransferExperiment.DefaultHeads, null, resume: false);
    }

    /// <summary>
    /// Checks everything it can before it writes, owns the run folder (<see cref="RunLock"/>) while it
    /// writes, and on <paramref name="resume"/> takes the run's recorded data options and changes nothing
    /// until the checkpoints are known to fit.
    /// </summary>
    public static int Run(QdkRuntime runtime, DataOptions given, TrainingOptions options, IReadOnlyList<HeadKind> heads, string? outDir, bool resume)
    {
        if (resume && outDir is null)
            throw new UserError("--resume needs --out: the run folder to continue.");
        if (given.DataPath is { } dataPath && File.Exists(dataPath))
            throw new UserError($"--data {Path.GetFullPath(dataPath)} is a file; give a folder: FashionMNIST IDX files, or an image folder with train/<class>/ and val/<class>/.");
        using var owner = outDir is null ? RunFolder.CreateDefault("runs", DateTime.Now) : RunFolderRules.Claim(outDir, resume);
        outDir = owner.Folder;
        var dataOptions = resume ? RunFolderRules.ResumeDataOptions(outDir, given) : given;

        var watch = Stopwatch.StartNew();
        var data = ExtractionDisplay.Load(dataOptions);
        AnsiConsole.MarkupLineInterpolated($"Task: {data.Description}; {data.Train.Count} training, {data.Validation.Count} validation samples, {data.Train.Dimension} features.");
        AnsiConsole.MarkupLineInterpolated($"Quantum head on backend [green]{options.Backend.Text()}[/], {options.Shape}, gradient {options.GradientMethod.Text()}.");

        var experiment = new TransferExperiment(options, heads, runtime);
        if (resume)
            RunFolderRules.AnnounceResume(outDir, experiment.ResumePoints(data, outDir), options.Epochs);
        else
            RunFolder.SaveDataOptions(outDir, dataOptions);
        if (heads.Contains(HeadKind.Quantum) && TrainingTime.QSharpNotice(options, data) is { } estimate)
            AnsiConsole.MarkupLineInterpolated($"[yellow]{estimate}[/]");

        using var interrupt = new InterruptNotice(outDir, experiment);
        IReadOnlyDictionary<HeadKind, HeadResult> results = null!;
        ProgressDisplay.Run(experiment, options, heads, () => results = experiment.Run(data, outDir, resume));
        double seconds = watch.Elapsed.TotalSeconds;
        experiment.WriteSummary(outDir, data, results, seconds);
        RunReport.Write(runtime, outDir, data, options, results);

        var table = new Table().Title("Validation accuracy")
            .AddColumn("head").AddColumn("architecture").AddColumn(new TableColumn("params").RightAligned())
            .AddColumn(new TableColumn("val acc").RightAligned()).AddColumn(new TableColumn("best epoch").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var (kind, r) in results)
            table.AddRow(kind.Text(), Markup.Escape(r.Description), r.ParameterCount.ToString(), $"{r.Validation.Accuracy:P1}",
                r.Model.BestEpoch.ToString(), $"{r.Model.Seconds:F1}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Total {seconds:F1} s. Run folder: [link]{Path.GetFullPath(outDir)}[/] (summary.json, report.html).");
        return 0;
    }
}

using System.CommandLine;
using System.Globalization;
using Qtl.Hardware;
using Spectre.Console;
using Qtl.Runtime;
using Qtl.Training;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary>
/// <c>noise-study</c>: validation accuracy of a trained quantum head vs depolarizing noise and shots,
/// repeated for error bars, written as a table, noise-study.csv/.json, SVG charts and report.html.
/// Exact noisy values come from the native density matrix; shot counts up to --qdk-max-shots from the
/// QDK's own noisy simulator; larger ones are sampled from the density matrix.
/// </summary>
public static class NoiseStudyCommand
{
    private static readonly NoiseStudyOptions Defaults = new();

    public static Command Create(QdkRuntime runtime)
    {
        var run = new TrainedRun();
        var noise = new Option<string>("--noise") { Description = "Depolarizing p per gate, comma-separated (0 to 1).", DefaultValueFactory = _ => Join(Defaults.NoiseLevels) };
        var shots = new Option<string>("--shots") { Description = "Shots per circuit, comma-separated; 'exact' (or 0) for the exact noisy value.", DefaultValueFactory = _ => string.Join(",", Defaults.Shots.Select(s => s == 0 ? "exact" : s.ToString())) };
        var repeats = new Option<int>("--repeats") { Description = "Independent runs of each shot-based cell, for error bars (1-100).", DefaultValueFactory = _ => Defaults.Repeats };
        var qdkMax = new Option<int>("--qdk-max-shots") { Description = "Shot counts up to this run on the QDK's noisy simulator (~0.4 ms/shot); larger ones are sampled from the native density matrix. 0: never the QDK.", DefaultValueFactory = _ => Defaults.QdkMaxShots };
        var samples = new Option<int?>("--samples") { Description = "Use only the first N validation samples (default: all)." };
        var seed = SharedOptions.Seed(Defaults.Seed); // the native sampling
        var output = new Option<string?>("--out") { Description = "Output folder (default: <run>/noise-study, or runs/noise-study-<timestamp>)." };
        var command = new Command("noise-study", "Accuracy of a trained quantum head vs depolarizing noise and shots (QDK noise simulation and native density matrix).")
        {
            noise, shots, repeats, qdkMax, samples, seed, output,
        };
        run.AddTo(command);
        command.SetAction(r =>
        {
            var options = new NoiseStudyOptions
            {
                NoiseLevels = Parsing.Doubles(r.GetValue(noise), "--noise"),
                Shots = ParseShots(r.GetValue(shots)!),
                Repeats = r.GetValue(repeats),
                QdkMaxShots = r.GetValue(qdkMax),
                Seed = r.GetValue(seed),
            }.Validate();
            return Run(runtime, r, run, options, r.GetValue(samples), r.GetValue(output));
        });
        return command;
    }

    private static int Run(QdkRuntime runtime, ParseResult r, TrainedRun run, NoiseStudyOptions options, int? samples, string? outDir)
    {
        var model = run.LoadModel(r);
        string checkpoint = run.CheckpointPath(r);
        var data = run.LoadData(r, model, notice => AnsiConsole.MarkupLineInterpolated($"[grey]{notice}[/]"));
        var validation = data.Validation;
        double exact = QuantumHead.From(model).ExactAccuracy(validation.Features, validation.Labels);
        if (Math.Abs(exact - model.BestValidationAccuracy) > 1e-9)
            TrainedRun.Warn($"the model scores {exact:P1} noiselessly on these features but {model.BestValidationAccuracy:P1} in training: " +
                "the features differ from training (another backbone, data folder or selection?). The study measures these features.");
        if (samples is int limit)
        {
            Parsing.InRange(limit, 1, validation.Count, "--samples");
            validation = new FeatureSet(validation.Features[..limit], validation.Labels[..limit], validation.ClassNames);
        }
        outDir ??= Path.GetDirectoryName(Path.GetFullPath(checkpoint)) is { } dir && File.Exists(Path.Combine(dir, "summary.json"))
            ? Path.Combine(dir, "noise-study")
            : Path.Combine("runs", $"noise-study-{DateTime.Now:yyyyMMdd-HHmmss}");

        AnsiConsole.MarkupLineInterpolated($"Model {checkpoint}: {model.Options.Shape}, trained validation accuracy {model.BestValidationAccuracy:P1}.");
        long qdkShots = options.QdkShots(validation.Count);
        AnsiConsole.MarkupLineInterpolated($"{validation.Count} validation samples; {qdkShots:N0} noisy shots on the QDK, the bulk of the time (≈0.3-0.5 ms of CPU each, over the runtime's threads: ≈{qdkShots * 0.4e-3 / 2 / 60:F0} min on 2 free cores).");
        var result = NoiseStudy.Run(runtime, model, validation, options, progress: p =>
            AnsiConsole.MarkupLineInterpolated($"[grey]  p={p.Noise.ToString("G4", CultureInfo.InvariantCulture),-7} shots={p.ShotsLabel,-6} {p.Mean:P1} ± {p.Std:P1}  ({p.Source}, {p.Seconds:F1} s)[/]"));

        var table = new Table().Title($"Validation accuracy under depolarizing noise ({result.Samples} samples)")
            .AddColumn(new TableColumn("noise p").RightAligned()).AddColumn(new TableColumn("shots").RightAligned())
            .AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("± std").RightAligned())
            .AddColumn(new TableColumn("runs").RightAligned()).AddColumn("source");
        foreach (var p in result.Points)
            table.AddRow(p.Noise.ToString("G4", CultureInfo.InvariantCulture), p.ShotsLabel, $"{p.Mean:P1}", $"{p.Std:P1}", p.Accuracies.Count.ToString(), Markup.Escape(p.Source));
        AnsiConsole.Write(table);

        string report = NoiseStudyReport.Write(outDir, result, $"quantum head {checkpoint} ({model.Options.Shape})", data.Description);
        AnsiConsole.MarkupLineInterpolated($"Total {result.Seconds:F1} s. Wrote noise-study.csv, noise-study.json, accuracy-vs-noise.svg, accuracy-vs-shots.svg and [link]{report}[/].");
        return 0;
    }

    private static int[] ParseShots(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s =>
            s.Equals("exact", StringComparison.OrdinalIgnoreCase) ? 0
            : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 0 ? v
            : throw new UserError($"--shots: '{s}' is not a shot count; give non-negative integers or 'exact', e.g. 100,1000,exact.")).ToArray();

    private static string Join(IEnumerable<double> values) => string.Join(",", values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)));
}

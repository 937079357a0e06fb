using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Qtl.Benchmarks;
using Qtl.Features;
using Qtl.IO;
using Qtl.Reports;
using Qtl.Runtime;

namespace Qtl.Cli;

/// <summary>
/// <c>benchmark</c>: the fair quantum-vs-classical protocol (<see cref="BenchmarkOptions"/>) on a CSV feature table or on
/// images through a backbone; <c>--shard i/n</c> runs a share of the cross-validation cells, <c>benchmark merge</c>
/// combines shards and finishes. A rerun into the same folder continues from the cells it holds.
/// </summary>
public static class BenchmarkCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var data = new DataOptionsBinder(recorded: false);
        var train = new Option<string?>("--train") { Description = "Training feature table (CSV: numeric features and a label per line; header optional)." };
        var test = new Option<string?>("--test") { Description = "Test feature table, the same columns; scored once per refit." };
        var labelColumn = new Option<int?>("--label-column") { Description = "1-based column of the label in the CSV tables. Default: the last." };
        var output = new Option<string>("--out") { Description = "Benchmark folder (results.csv, cells.csv, results.md, report.html, cells/).", Required = true };
        var models = EnumOption.List("--models", "Models to compare.", BenchmarkOptions.DefaultModels);
        var sizes = new Option<string>("--sizes") { Description = "Training samples per class, one learning-curve point each, e.g. 10,30,100,all.", DefaultValueFactory = _ => "all" };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (stratified).", DefaultValueFactory = _ => 5 };
        var seeds = new Option<int>("--seeds") { Description = "Seeds of the refit on the whole training set, each scored on the test set.", DefaultValueFactory = _ => 5 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs of every fit (fixed; the last epoch is kept).", DefaultValueFactory = _ => new BenchmarkOptions().Epochs };
        var batch = new Option<int>("--batch-size") { Description = "Samples per optimiser step.", DefaultValueFactory = _ => new BenchmarkOptions().BatchSize };
        var qubits = new Option<int>("--qubits") { Description = "Qubits of the quantum and separable circuits.", DefaultValueFactory = _ => 4 };
        var margin = new Option<double>("--margin") { Description = "Equivalence margin in accuracy points.", DefaultValueFactory = _ => 1.0 };
        var grid = new Option<string?>("--grid") { Description = "JSON file replacing models' grids, e.g. {\"mlp\": {\"lr\": [0.01], \"width\": [16, 64], \"l2\": [0, 0.01]}}." };
        var shard = new Option<string?>("--shard") { Description = "Run shard i of n (0-based, e.g. 0/4) of the cross-validation cells; finish with benchmark merge." };
        var threads = new Option<int>("--threads") { Description = "Cells computed at once (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var check = new Option<int>("--qsharp-check") { Description = "Re-run this many quantum cells on the QDK (qsharp backend) and compare.", DefaultValueFactory = _ => 0 };
        var command = new Command("benchmark", "Quantum vs classical models with equal tuning: cross-validation, seeds, a held-out test set, intervals and a verdict.")
        {
            train, test, labelColumn, output, models, sizes, folds, seeds, epochs, batch, qubits, margin, grid, shard, threads, check,
        };
        data.AddTo(command);
        command.Subcommands.Add(MergeCommand(runtime, threads, check));
        command.SetAction(r =>
        {
            var chosen = r.GetValue(models)!;
            var options = new BenchmarkOptions
            {
                Models = chosen, Sizes = Sizes(r.GetValue(sizes)!), Folds = r.GetValue(folds), Seeds = r.GetValue(seeds), Epochs = r.GetValue(epochs),
                BatchSize = r.GetValue(batch), Qubits = r.GetValue(qubits), Margin = r.GetValue(margin) / 100,
                Grids = r.GetValue(grid) is { } file ? BenchmarkGrid.Load(file, chosen) : BenchmarkGrid.Defaults(chosen),
            }.Validate();
            var (index, count) = Shard(r.GetValue(shard));
            bool csv = r.GetValue(train) is not null || r.GetValue(test) is not null;
            var images = data.Bind(r, ImageSeed);
            if (csv && images != new DataOptions(Seed: ImageSeed))
                throw new UserError("--train/--test (CSV feature tables) exclude the image options (--data, --backbone, --classes, --per-class, ...); give one or the other.");
            if (!csv && r.GetValue(labelColumn) is not null)
                throw new UserError("--label-column applies to CSV feature tables; give --train and --test with it.");
            var source = new BenchmarkSource(r.GetValue(train), r.GetValue(test), r.GetValue(labelColumn), csv ? null : images).Absolute();
            return Run(runtime, source, options, r.GetValue(output)!, index, count, r.GetValue(threads), r.GetValue(check));
        });
        return command;
    }

    /// <summary>Seeds the per-class choice of images with --per-class, as <c>train</c>'s default seed does.</summary>
    private const int ImageSeed = 42;

    private static Command MergeCommand(QdkRuntime runtime, Option<int> threads, Option<int> check)
    {
        var dirs = new Argument<string[]>("dirs") { Description = "Shard folders (each written by benchmark --shard i/n of one study).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the merged benchmark (the files an unsharded run writes).", Required = true };
        var command = new Command("merge", "Combine benchmark shards, run the test cells and write the outputs an unsharded run writes.") { dirs, output, threads, check };
        command.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            string outDir = r.GetValue(output)!;
            var (manifest, copied) = BenchmarkMerge.Gather(r.GetValue(dirs)!, outDir);
            Console.WriteLine($"Merged {copied} cell file(s) into {Path.GetFullPath(outDir)}.");
            var options = manifest.ToOptions();
            var data = Load(manifest.Source);
            if (data.Fingerprint() != manifest.Fingerprint)
                throw new UserError($"the data now read from the recorded source differs from what the shards read (fingerprint {manifest.Fingerprint[..12]}…); restore the data or rerun the shards.");
            return Finish(runtime, data, options, outDir, r.GetValue(threads), r.GetValue(check), clock);
        });
        return command;
    }

    private static int Run(QdkRuntime runtime, BenchmarkSource source, BenchmarkOptions options, string outDir, int shard, int shards, int threads, int check)
    {
        var clock = Stopwatch.StartNew();
        Parsing.InRange(threads, 1, 256, "--threads");
        Parsing.InRange(check, 0, 1000, "--qsharp-check");
        var data = Load(source);
        BenchmarkRunner.CheckSizes(data, options);
        Console.WriteLine($"Data: {data.Description}; {data.Train.Count} training, {data.Test.Count} test samples, {data.Train.Dimension} features, {data.Train.ClassNames.Count} classes.");
        BenchmarkManifest.Of(source, data, options).Claim(outDir);
        if (shards > 1)
        {
            var runner = new BenchmarkRunner(data, options, outDir) { Threads = threads };
            var mine = CellPlan.Shard(CellPlan.CvCells(options), shard, shards);
            using var notice = StopSignals.Notice(() => $"{Path.GetFullPath(outDir)} keeps every finished cell; continue with: {CommandText.Again(CommandText.Current)}");
            BenchmarkProgress.Run(runner, () => runner.Run("cv", mine));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Shard {shard}/{shards}: {mine.Count} cross-validation cells in {Path.GetFullPath(outDir)}/cells ({clock.Elapsed.TotalSeconds:F1} s). When every shard is done: {CommandText.Qtl} benchmark merge DIR... --out MERGED"));
            return 0;
        }
        return Finish(runtime, data, options, outDir, threads, check, clock);
    }

    private static int Finish(QdkRuntime runtime, BenchmarkData data, BenchmarkOptions options, string outDir, int threads, int check, Stopwatch clock)
    {
        var runner = new BenchmarkRunner(data, options, outDir) { Threads = threads };
        int total = CellPlan.CvCells(options).Count + options.Sizes.Count * options.Models.Count * options.Seeds;
        Console.WriteLine($"Protocol: {options.Models.Count} models × {options.Grids[options.Models[0]].Settings.Count} settings × {options.Folds} folds × {options.Sizes.Count} size(s), then {options.Seeds} seeds each: {total} cells ({options.Epochs} epochs each).");
        using var notice = StopSignals.Notice(() => $"{Path.GetFullPath(outDir)} keeps every finished cell; continue with: {CommandText.Again(CommandText.Current)}");
        var results = BenchmarkProgress.Run(runner, runner.Finish);
        var extra = new List<ReportSection>();
        if (check > 0)
        {
            var rows = QSharpSpotCheck.Run(runtime, data, options, [.. results.Cells.Where(c => c.Key.Stage == CellStage.Cv)], check, Console.WriteLine);
            AtomicFile.WriteAllText(Path.Combine(outDir, "qsharp-check.csv"), QSharpSpotCheck.Csv(rows));
            extra.Add(QSharpSpotCheck.Section(rows));
        }
        BenchmarkReport.Write(outDir, results, extra);
        foreach (var row in results.Rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"size {BenchmarkOptions.SizeText(row.Size),-4} {row.Model.Text(),-18} test {100 * row.Test.Mean:F1} ± {100 * row.Test.Std:F1} %  ") +
                (row.Comparison is { } c ? string.Create(CultureInfo.InvariantCulture, $"vs {row.Reference.Text()}: {Points.Signed(c.Difference.Mean)} pp → {c.Describe(options.Margin)}") : "(reference)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {Path.GetFullPath(outDir)}: {string.Join(", ", BenchmarkReport.Files)} and figures ({clock.Elapsed.TotalSeconds:F1} s)."));
        return 0;
    }

    private static BenchmarkData Load(BenchmarkSource source) => source.Load(ExtractionDisplay.Load);

    private static IReadOnlyList<int?> Sizes(string text) => [.. text.Split(',', StringSplitOptions.TrimEntries).Select(s =>
        s == "all" ? (int?)null
        : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n
        : throw new UserError($"--sizes: '{s}' is not a size; give positive numbers of samples per class or all, e.g. 10,30,100,all."))];

    private static (int Index, int Count) Shard(string? text)
    {
        if (text is null) return (0, 1);
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && i < n)
            return (i, n);
        throw new UserError($"--shard is '{text}'; give i/n with 0 ≤ i < n, e.g. 0/4 (Slurm: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT).");
    }
}

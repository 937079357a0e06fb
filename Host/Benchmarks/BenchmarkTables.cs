using System.Globalization;
using System.Text;
using Qtl.Reports;

namespace Qtl.Benchmarks;

/// <summary>The benchmark's text outputs: results.csv (one row per model and size), cells.csv (every fold and seed) and results.md.</summary>
public static class BenchmarkTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public const string ResultsHeader = "model,size,test_mean,test_std,seeds,test_ci_low,test_ci_high,setting,cv_mean,reference,diff_mean,diff_ci_low,diff_ci_high,bootstrap_low,bootstrap_high,verdict";

    public static string ResultsCsv(BenchmarkResults r)
    {
        var csv = new StringBuilder(ResultsHeader).Append('\n');
        foreach (var row in r.Rows)
        {
            var entry = BenchmarkModels.Of(row.Model);
            var c = row.Comparison;
            string setting = r.Options.Grids[row.Model].Settings[row.Choice.Chosen].Describe(entry.CapacityName);
            csv.Append(string.Create(Inv, $"{row.Model.Text()},{BenchmarkOptions.SizeText(row.Size)},{row.Test.Mean:R},{row.Test.Std:R},{row.Test.Count},{N(row.Test.Low)},{N(row.Test.High)},"))
               .Append(string.Create(Inv, $"\"{setting}\",{row.Choice.ChosenMean:R},{row.Reference.Text()},"))
               .Append(c is null ? ",,,,,reference" : string.Create(Inv, $"{c.Difference.Mean:R},{N(c.Difference.Low)},{N(c.Difference.High)},{c.BootstrapLow:R},{c.BootstrapHigh:R},{c.Verdict.Text()}"))
               .Append('\n');
        }
        return csv.ToString();
    }

    public static string CellsCsv(BenchmarkResults r) =>
        CellResult.Header + "\n" + string.Concat(r.Cells.Select(c => c.Row() + "\n"));

    public static string Markdown(BenchmarkResults r)
    {
        var o = r.Options;
        var md = new StringBuilder();
        md.AppendLine("# Benchmark: quantum vs classical models with equal tuning\n");
        md.AppendLine($"Data: {r.Data}.  ");
        md.AppendLine(Protocol(o) + "\n");
        foreach (int? size in o.Sizes)
        {
            var rows = r.Rows.Where(x => x.Size == size).ToList();
            md.AppendLine($"## {(size is int s ? $"{s} training samples per class" : "The whole training set")}\n");
            md.AppendLine($"Reference (best classical model by cross-validation, fixed before the test set was scored): **{BenchmarkModels.Of(rows[0].Reference).Label}**.\n");
            md.AppendLine("| model | setting chosen by CV | CV accuracy | test accuracy (%), mean ± std | 95 % t interval | − reference (pp), 95 % t interval | bootstrap over test samples | verdict |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---|");
            foreach (var row in rows)
            {
                var entry = BenchmarkModels.Of(row.Model);
                string setting = o.Grids[row.Model].Settings[row.Choice.Chosen].Describe(entry.CapacityName);
                var c = row.Comparison;
                md.AppendLine(string.Create(Inv,
                    $"| {entry.Label} | {setting} | {100 * row.Choice.ChosenMean:F1} | {100 * row.Test.Mean:F1} ± {100 * row.Test.Std:F1} | {Interval(row.Test.Low, row.Test.High, false)} | ") +
                    (c is null ? "reference | – | – |" : string.Create(Inv,
                    $"{Points.Signed(c.Difference.Mean)} {Interval(c.Difference.Low, c.Difference.High, true)} | {Interval(c.BootstrapLow, c.BootstrapHigh, true)} | {c.Describe(o.Margin)} |")));
            }
            md.AppendLine();
        }
        md.AppendLine("![model comparison](comparison.svg)\n![learning curves](learning-curves.svg)\n![hyperparameter sensitivity](sensitivity.svg)\n");
        md.AppendLine("Files: results.csv (these rows), cells.csv (every fold and seed), each figure's data in the .csv beside it.");
        return md.ToString();
    }

    /// <summary>The protocol in one paragraph, as results.md and report.html state it.</summary>
    public static string Protocol(BenchmarkOptions o) => string.Create(Inv,
        $"Protocol: for each training-set size, stratified {o.Folds}-fold cross-validation on the training set (folds seeded, the same for every model) " +
        $"scores each model's {o.Grids[o.Models[0]].Settings.Count} grid settings; the best mean fold accuracy wins (a tie: the first setting in grid order). " +
        $"The chosen setting is refit on the whole size-limited training set with seeds 1–{o.Seeds} (each seed draws its own subset below 'all' and its own initial weights; " +
        $"the search used seed 1's draw) and scored once on the test set. Every fit: inputs standardised on its own training data, Adam at a constant learning rate, " +
        $"L2 as weight decay, batch {o.BatchSize}, {o.Epochs} epochs, the last epoch kept (no early stopping); circuits of {o.Qubits} qubits on the native engine with adjoint gradients. " +
        $"Differences are paired by seed against the reference; the verdict reads the 95 % t interval against the margin ±{100 * o.Margin:0.##} points " +
        $"(equivalent: inside it; better/worse: above/below 0; otherwise inconclusive). The bootstrap resamples the test samples {o.BootstrapSamples} times (seed {PairedComparison.BootstrapSeed}).");

    /// <summary>The protocol's numbers, for the report's summary table.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ProtocolItems(BenchmarkOptions o) =>
    [
        new("models", string.Join(", ", o.Models.Select(m => m.Text()))),
        new("sizes (per class)", string.Join(", ", o.Sizes.Select(BenchmarkOptions.SizeText))),
        new("cross-validation", $"{o.Folds} folds, stratified; {o.Grids[o.Models[0]].Settings.Count} settings per model"),
        new("refits", $"seeds 1–{o.Seeds}, scored once on the test set"),
        new("every fit", $"{o.Epochs} epochs, batch {o.BatchSize}, last epoch kept; {o.Qubits} qubits"),
        new("margin", string.Create(Inv, $"±{100 * o.Margin:0.##} points")),
        new("bootstrap", $"{o.BootstrapSamples} resamples of the test set, seed {PairedComparison.BootstrapSeed}"),
    ];

    private static string N(double v) => double.IsNaN(v) ? "" : v.ToString("R", Inv);

    private static string Interval(double low, double high, bool signed) => double.IsNaN(low) ? "–"
        : signed ? Points.Interval(low, high) : string.Create(Inv, $"[{100 * low:F1}, {100 * high:F1}]");
}

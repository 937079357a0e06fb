using System.Globalization;
using System.Text;
using Qtl.IO;
using Qtl.Model;
using Qtl.Reports;
using Qtl.Training;

namespace Qtl.Benchmarks;

/// <summary>Writes a <see cref="TransferBenchmarkResult"/>: results.csv (every run), results.md (the tables) and the figures.</summary>
public static class TransferBenchmarkReport
{
    /// <summary>The paper's ants/bees validation accuracies (Mari et al. 2019, Table/Fig. on ResNet18 → 2 classes).</summary>
    public const double PaperQuantum = 0.967, PaperClassical = 0.954;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(string dir, TransferBenchmarkResult result, string command)
    {
        Directory.CreateDirectory(dir);
        var csv = new StringBuilder("task,head,setting,seed,validation,test,best_epoch\n");
        foreach (var s in result.Scores)
            csv.AppendLine(string.Create(Inv, $"\"{s.Task}\",{s.Head.Text()},\"{s.Setting}\",{s.Seed},{s.Validation:R},{s.Test:R},{s.BestEpoch}"));
        AtomicFile.WriteAllText(Path.Combine(dir, "results.csv"), csv.ToString());
        AtomicFile.WriteAllText(Path.Combine(dir, "results.md"), Markdown(result, command));
        Chart.Save(TestAccuracyChart(result), dir, "transfer-benchmark");
        if (AblationChart(result) is { } ablations) Chart.Save(ablations, dir, "transfer-ablations");
    }

    /// <summary>Held-out test accuracy per task and head, mean ± std over the seeds (transfer-benchmark.svg).</summary>
    public static ChartSpec TestAccuracyChart(TransferBenchmarkResult result)
    {
        var bars = result.Scores.Where(s => s.Setting.Length == 0).GroupBy(s => (s.Task, s.Head))
            .Select(g => (g.Key, Test: SeedStatistics.Of(g.Select(s => s.Test).ToArray())))
            .Select(x => new BarValue(x.Key.Task, Label(x.Key.Head), x.Test.Mean, x.Test.Std)).ToList();
        return Chart.GroupedBars(bars, $"Held-out test accuracy, mean ± std over {result.Options.Seeds} seed(s)", "test accuracy", "task", Baseline(bars));
    }

    /// <summary>The quantum head's test accuracy by circuit on the ablation task (transfer-ablations.svg); null without ablations.</summary>
    public static ChartSpec? AblationChart(TransferBenchmarkResult result)
    {
        var bars = Ablations(result).Select(a => new BarValue(a.Setting, "quantum", a.Test.Mean, a.Test.Std)).ToList();
        return bars.Count == 0 ? null
            : Chart.GroupedBars(bars, $"Quantum head on {result.Options.AblationTask.Name}: test accuracy by circuit", "test accuracy", "circuit", Baseline(bars));
    }

    /// <summary>The axis starts at a round 5 % below the lowest bar: differences of a point stay visible.</summary>
    internal static double Baseline(IReadOnlyList<BarValue> bars) => Math.Max(0, Math.Floor((bars.Min(b => b.Mean - b.Std) - 0.02) * 20) / 20);

    /// <summary>
    /// The main table: per task, each head's test accuracy (%) and the paired differences of the quantum head to each
    /// classical head, with their 95 % CIs over seeds. The comparator is fixed in advance, not picked by its test score:
    /// the same-shape classical head, the control that differs from the quantum head only by its circuit.
    /// </summary>
    public static IReadOnlyList<TestAccuracyRow> TestAccuracyTable(TransferBenchmarkResult result) =>
        result.Options.Tasks.Select(task =>
        {
            double[] quantum = RecipeScores(result, task, HeadKind.Quantum, s => s.Test);
            double[] classical = RecipeScores(result, task, HeadKind.Classical, s => s.Test);
            double[] linear = RecipeScores(result, task, HeadKind.Linear, s => s.Test);
            double[] diff = quantum.Zip(classical, (q, c) => q - c).ToArray();
            return new TestAccuracyRow(task.Name, Cell(quantum), Cell(classical), Cell(linear),
                PairedCell(diff), PairedCell(quantum.Zip(linear, (q, l) => q - l).ToArray()), $"{diff.Count(x => x > 0)} of {diff.Length}");
        }).ToList();

    /// <summary>A paired difference in points, with its 95 % CI over seeds when there are several.</summary>
    private static string PairedCell(double[] diff)
    {
        var d = SeedStatistics.Of(diff);
        string ci = d.Count > 1 ? " " + Points.Interval(d.Low, d.High) : "";
        return $"{Points.Signed(d.Mean)} pp{ci}";
    }

    public static string Markdown(TransferBenchmarkResult result, string command)
    {
        var o = result.Options;
        var r = o.Recipe;
        var md = new StringBuilder();
        md.AppendLine($"Command: `{command}`  ");
        md.AppendLine(string.Create(Inv, $"Time: {result.Seconds:F0} s, of which {result.ExtractionSeconds:F0} s feature extraction (0 when cached). {result.Data}.  "));
        md.AppendLine(string.Create(Inv, $"Per task and seed: {2 * o.TrainPerClass} training and {2 * o.ValidationPerClass} validation images drawn from the train split by the seed; test: {(o.TestPerClass is int t ? $"{t}" : "all 1000")} t10k images per class, the same for every seed.  "));
        md.AppendLine(string.Create(Inv, $"Recipe: {r.Qubits} qubits, depth {r.Depth}, {r.Epochs} epochs, Adam lr {r.LearningRate}, batch {r.BatchSize}, StepLR {r.StepSize} × {r.Gamma}, q_delta {r.QDelta}, backend {r.Backend.Text()}, {r.GradientMethod.Text()}; the model kept is the epoch of best validation accuracy.\n"));

        md.AppendLine($"### Test accuracy (%), mean ± std over {o.Seeds} seed(s)\n");
        md.AppendLine("| task | quantum | classical, same shape | linear 512→2 | quantum − classical (95 % CI) | quantum − linear (95 % CI) | seeds quantum beat classical |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in TestAccuracyTable(result))
            md.AppendLine($"| {row.Task} | {row.Quantum} | {row.Classical} | {row.Linear} | {row.QuantumMinusClassical} | {row.QuantumMinusLinear} | {row.SeedsQuantumWon} |");
        md.AppendLine($"\n### Validation accuracy (%) of the selected epoch: the paper's protocol, which selects and reports on the same set\n");
        md.AppendLine("| task | quantum | classical, same shape | linear 512→2 |\n|---|---:|---:|---:|");
        foreach (var task in o.Tasks)
        {
            string Of(HeadKind head) => Cell(RecipeScores(result, task, head, s => s.Validation));
            md.AppendLine($"| {task.Name} | {Of(HeadKind.Quantum)} | {Of(HeadKind.Classical)} | {Of(HeadKind.Linear)} |");
        }
        md.AppendLine(string.Create(Inv, $"| *paper: ants/bees, ResNet18 (validation)* | *{100 * PaperQuantum:F1}* | – | *{100 * PaperClassical:F1}* |"));

        var ablations = Ablations(result);
        if (ablations.Count > 0)
        {
            md.AppendLine($"\n### Ablations: quantum head on {o.AblationTask.Name} (%, mean ± std over {o.Seeds} seed(s))\n");
            md.AppendLine("| circuit | validation | test | test − recipe, paired by seed (95 % CI) |\n|---|---:|---:|---:|");
            foreach (var a in ablations)
                md.AppendLine(string.Create(Inv, $"| {a.Setting} | {100 * a.Validation.Mean:F1} ± {100 * a.Validation.Std:F1} | {100 * a.Test.Mean:F1} ± {100 * a.Test.Std:F1} | {a.TestMinusRecipe} |"));
        }
        if (result.Check is { } c)
        {
            md.AppendLine($"\n### The same cell on both backends ({c.Task}, seed {c.Seed}, quantum head, {c.Epochs} epochs)\n");
            md.AppendLine("| backend | validation | test |\n|---|---:|---:|");
            md.AppendLine(string.Create(Inv, $"| native (C# state vector) | {100 * c.NativeValidation:F2} | {100 * c.NativeTest:F2} |"));
            md.AppendLine(string.Create(Inv, $"| qsharp (Q# on the QDK, {c.QSharpSeconds:F0} s) | {100 * c.QSharpValidation:F2} | {100 * c.QSharpTest:F2} |"));
            md.AppendLine(string.Create(Inv, $"\nLargest difference between the two sets of trained weights: {c.MaxWeightDifference:E1}."));
        }
        md.AppendLine("\n![test accuracy](transfer-benchmark.svg)");
        if (ablations.Count > 0) md.AppendLine("![ablations](transfer-ablations.svg)");
        return md.ToString();
    }

    private sealed record Ablation(string Setting, SeedStatistics Validation, SeedStatistics Test, string TestMinusRecipe);

    /// <summary>The ablation task's settings in order: every depth at the recipe's qubits, then every qubit count at its depth.</summary>
    private static List<Ablation> Ablations(TransferBenchmarkResult result)
    {
        var o = result.Options;
        var quantum = result.Scores.Where(s => s.Task == o.AblationTask.Name && s.Head == HeadKind.Quantum).ToList();
        if (!quantum.Any(s => s.Setting.Length > 0)) return [];
        string Recipe(string s) => s.Length == 0 ? $"depth {o.Recipe.Depth}, {o.Recipe.Qubits} qubits (recipe)" : s;
        var order = o.AblationDepths.Select(d => d == o.Recipe.Depth ? "" : $"depth {d}")
            .Concat(o.AblationQubits.Where(q => q != o.Recipe.Qubits).Select(q => $"{q} qubits")).Distinct();
        var recipeTest = quantum.Where(s => s.Setting.Length == 0).ToDictionary(s => s.Seed, s => s.Test);
        string Paired(List<HeadScore> g) => g[0].Setting.Length == 0 ? "–"
            : PairedCell(g.Where(s => recipeTest.ContainsKey(s.Seed)).Select(s => s.Test - recipeTest[s.Seed]).ToArray());
        return order.Select(setting => quantum.Where(s => s.Setting == setting).ToList())
            .Where(g => g.Count > 0)
            .Select(g => new Ablation(Recipe(g[0].Setting), SeedStatistics.Of(g.Select(s => s.Validation).ToArray()),
                SeedStatistics.Of(g.Select(s => s.Test).ToArray()), Paired(g)))
            .ToList();
    }

    /// <summary>One head's <paramref name="value"/> on a task with the recipe (no ablation), seed by seed.</summary>
    private static double[] RecipeScores(TransferBenchmarkResult result, BenchmarkTask task, HeadKind head, Func<HeadScore, double> value) =>
        result.Scores.Where(s => s.Task == task.Name && s.Setting.Length == 0 && s.Head == head).OrderBy(s => s.Seed).Select(value).ToArray();

    private static string Cell(double[] values)
    {
        var s = SeedStatistics.Of(values);
        return string.Create(Inv, $"{100 * s.Mean:F1} ± {100 * s.Std:F1}");
    }

    private static string Label(HeadKind head) => head == HeadKind.Linear ? "linear 512→2" : head.Text();
}

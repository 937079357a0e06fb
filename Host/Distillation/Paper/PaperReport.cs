using System.Globalization;
using System.Text;
using Qtl.IO;
using Qtl.Reports;

namespace Qtl.Distillation.Paper;

/// <summary>Writes the paper-protocol table and the ablation ladder: results.csv, runs.csv, results.md and two charts.</summary>
public static class PaperReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(string dir, PaperTableResult result, string command)
    {
        var csv = new StringBuilder("step,row,teacher,seeds,mean,std,published,accuracies\n");
        foreach (var (step, cells) in result.Steps)
            foreach (var c in cells)
                csv.AppendLine(string.Create(Inv, $"{step.Name},\"{c.Row}\",{c.Column},{c.Accuracies.Count},{100 * c.Mean:F2},{100 * c.Std:F2},{c.Published:F2},{string.Join(";", c.Accuracies.Select(a => (100 * a).ToString("F2", Inv)))}"));
        AtomicFile.WriteAllText(Path.Combine(dir, "results.csv"), csv.ToString());
        var runs = new StringBuilder("teacher,classes,qubits,depth,head,shift,selection,kd_reaches_student,shots,seed,epochs,accuracy,selected_epoch,teacher_accuracy,seconds,selection_accuracy_per_epoch\n");
        foreach (var r in result.Runs)
        {
            var o = r.Options;
            runs.AppendLine(string.Create(Inv, $"{o.Teacher},{o.ClassesTag},{o.Qubits},{o.Depth},{o.Head},{o.Rule.Name},{o.Selection},{o.KdReachesStudent},{o.Shots},{o.Seed},{o.Epochs},{100 * r.Accuracy:F2},{r.SelectedEpoch},{(r.TeacherAccuracy is double t ? (100 * t).ToString("F2", Inv) : "")},{r.Seconds:F1},{string.Join(";", r.Epochs.Select(e => (100 * e.ValidationAccuracy!.Value).ToString("F2", Inv)))}"));
        }
        AtomicFile.WriteAllText(Path.Combine(dir, "runs.csv"), runs.ToString());
        AtomicFile.WriteAllText(Path.Combine(dir, "results.md"), Markdown(result, command));

        var paper = result.Steps[0].Cells;
        Chart.Save(Chart.GroupedBars(paper.Select(c => new BarValue(c.Row, c.Column == "none" ? "student alone" : $"{c.Column} → student", c.Mean, c.Std)),
            $"Published protocol re-run (mean ± std over {result.Seeds} seeds)", "best test-subset accuracy", "subset, student"), dir, "kd-fashion-paper");
        if (result.Steps.Count > 1)
            Chart.Save(Chart.GroupedBars(result.Steps.SelectMany(s => s.Cells.GroupBy(c => c.Row).Select(row =>
                {
                    var g = KdTable.Paired(row);
                    return new BarValue(s.Step.Name, row.Key, 100 * g.Mean, 100 * g.Std);
                })),
                "Gain of distillation at each rung (distilled − alone, paired by seed)", "gain (percentage points)", "rung (each adds one change)"), dir, "kd-fashion-ladder");
    }

    public static string Markdown(PaperTableResult result, string command)
    {
        var md = new StringBuilder();
        var o = result.Template;
        md.AppendLine($"Command: `{command}`  ");
        md.AppendLine(string.Create(Inv, $"Time: {result.Seconds:F0} s ({result.Runs.Count} distinct runs, {result.FromCache} of them read from the run cache; {result.Threads} in parallel; the sum of the runs' own times is {result.Runs.Sum(r => r.Seconds) / 60:F0} min); seeds 1–{result.Seeds}; backend {o.Backend.Text()}; {o.Epochs} epochs; {o.PerClass} images per class.\n"));
        var readout = result.Runs.Select(r => r.Readout).Distinct();
        md.AppendLine($"Readout: {string.Join("; ", readout)}.\n");
        md.AppendLine("## Published protocol\n");
        md.AppendLine("Best test-subset accuracy over the epochs (%), mean ± std over seeds, published in brackets.\n");
        md.Append(KdTable.Markdown(result.Steps[0].Cells));
        md.AppendLine($"\nDistilled minus alone, paired by seed: {KdTable.Describe(KdTable.Paired(result.Steps[0].Cells))}.\n");
        md.AppendLine("Teachers (committed ONNX models, scored here; the ensemble is the mean of the two members' logits; published in brackets):\n");
        md.Append(KdTable.Teachers(result.Teachers));
        md.AppendLine("\n![paper](kd-fashion-paper.svg)\n");
        if (result.Steps.Count > 1)
        {
            md.AppendLine("## Ablation ladder (each rung adds one change to the rung above)\n");
            md.AppendLine("| rung | change | " + string.Join(" | ", result.Steps[0].Cells.Select(c => c.Row).Distinct().Select(r => $"gain, {r}")) + " | all pairs |");
            md.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---:|", result.Steps[0].Cells.Select(c => c.Row).Distinct().Count() + 1)));
            foreach (var (step, cells) in result.Steps)
            {
                var rows = cells.GroupBy(c => c.Row).Select(r => KdTable.Paired(r)).Select(g => string.Create(Inv, $"{Points.Signed(g.Mean)} ± {100 * g.Std:F1} ({g.Positive}/{g.Count})"));
                var all = KdTable.Paired(cells);
                md.AppendLine($"| {step.Name} | {step.Change} | {string.Join(" | ", rows)} | " + string.Create(Inv, $"{Points.Signed(all.Mean)} ± {100 * all.Std:F1} ({all.Positive}/{all.Count}) |"));
            }
            md.AppendLine("\nGain = distilled minus alone in percentage points, paired by seed over teachers and seeds: mean ± std (positive pairs / pairs).\n");
            md.AppendLine("![ladder](kd-fashion-ladder.svg)\n");
            foreach (var (step, cells) in result.Steps.Skip(1))
            {
                md.AppendLine($"### Rung {step.Name}: {step.Change}\n");
                md.Append(KdTable.Markdown(cells));
                md.AppendLine();
            }
        }
        return md.ToString();
    }
}

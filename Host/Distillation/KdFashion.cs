using System.Diagnostics;
using System.Globalization;
using System.Text;
using Qtl.Reports;
using Qtl.Runtime;
using Qtl.IO;

namespace Qtl.Distillation;

/// <summary>
/// Reproduces the FashionMNIST table of arXiv:2311.13810: per (subset, qubits) row, a student alone and
/// students distilled from LeNet, AlexNet and their ensemble, over several seeds, beside the teachers'
/// computed test accuracies and the published numbers.
/// </summary>
public static class KdFashion
{
    /// <summary>The table's columns: the student alone, then distilled from LeNet, AlexNet and their ensemble.</summary>
    public static IReadOnlyList<TeacherChoice> Teachers => TeacherChoice.Named;

    /// <summary>Rows of the published table: (class subset, qubits) → published student accuracies (%) for none, lenet, alexnet, ensemble.</summary>
    public static readonly (ClassSubset Subset, int Qubits, double[] Published)[] Rows =
    [
        (ClassSubset.ZeroToFive, 3, [65.00, 77.00, 83.44, 67.89]),
        (ClassSubset.ZeroToSeven, 3, [68.00, 68.67, 73.42, 74.42]),
        (ClassSubset.ZeroToSeven, 4, [74.25, 75.83, 75.42, 72.50]),
    ];

    /// <summary>Published teacher accuracies (%): LeNet, AlexNet, ensemble.</summary>
    private static readonly Dictionary<ClassSubset, double[]> PublishedTeachers = new()
    {
        [ClassSubset.ZeroToFive] = [91.57, 94.90, 95.67],
        [ClassSubset.ZeroToSeven] = [85.97, 91.64, 91.79],
    };

    /// <summary>The published accuracy (%) of a committed teacher on a subset.</summary>
    public static double PublishedTeacher(ClassSubset subset, TeacherChoice teacher) =>
        PublishedTeachers[subset][Teachers.ToList().IndexOf(teacher) - 1];

    public sealed record Result(IReadOnlyList<KdCell> Students, IReadOnlyList<KdCell> TeacherCells, int Seeds, double Seconds, DistillationOptions Template);

    public static Result Run(DistillationOptions template, int seeds, Action<string>? log = null, QdkRuntime? runtime = null)
    {
        var clock = Stopwatch.StartNew();
        var students = new List<KdCell>();
        var teachers = new Dictionary<(ClassSubset, TeacherChoice), double>();
        foreach (var (subset, qubits, published) in Rows)
        {
            var classes = subset.Classes;
            string row = $"{subset}, {qubits} qubits";
            var accuracies = Teachers.ToDictionary(t => t, _ => new List<double>());
            for (int seed = 1; seed <= seeds; seed++)
            {
                var data = KdData.Load(template with { Classes = classes, Seed = seed });
                for (int t = 0; t < Teachers.Count; t++)
                {
                    var options = template with { Teacher = Teachers[t], Classes = classes, Qubits = qubits, Seed = seed };
                    var r = Distiller.Run(options, null, data, runtime);
                    accuracies[Teachers[t]].Add(r.StudentTestAccuracy);
                    if (r.TeacherTestAccuracy is double ta) teachers[(subset, Teachers[t])] = ta;
                    log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"{row}, seed {seed}, teacher {Teachers[t],-8}: student {100 * r.StudentTestAccuracy:F2} %{(r.TeacherTestAccuracy is double x ? $" (teacher {100 * x:F2} %)" : "")}, {r.Seconds:F1} s"));
                }
            }
            for (int t = 0; t < Teachers.Count; t++) students.Add(new KdCell(row, Teachers[t].Text, accuracies[Teachers[t]], published[t]));
        }
        var teacherCells = teachers.Select(kv => new KdCell(kv.Key.Item1.Tag, kv.Key.Item2.Text, [kv.Value],
            PublishedTeacher(kv.Key.Item1, kv.Key.Item2))).ToList();
        return new Result(students, teacherCells, seeds, clock.Elapsed.TotalSeconds, template);
    }

    public static void Write(string dir, Result result, string command)
    {
        Directory.CreateDirectory(dir);
        var inv = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("row,teacher,seeds,mean,std,published,accuracies\n");
        foreach (var c in result.Students)
            csv.AppendLine(string.Create(inv, $"\"{c.Row}\",{c.Column},{c.Accuracies.Count},{100 * c.Mean:F2},{100 * c.Std:F2},{c.Published:F2},{string.Join(";", c.Accuracies.Select(a => (100 * a).ToString("F2", inv)))}"));
        foreach (var c in result.TeacherCells)
            csv.AppendLine(string.Create(inv, $"\"teacher {c.Row}\",{c.Column},1,{100 * c.Mean:F2},0,{c.Published:F2},{100 * c.Mean:F2}"));
        AtomicFile.WriteAllText(Path.Combine(dir, "results.csv"), csv.ToString());
        AtomicFile.WriteAllText(Path.Combine(dir, "results.md"), Markdown(result, command));
        Chart.Save(Chart.GroupedBars(result.Students.Select(c => new BarValue(c.Row, c.Column == "none" ? "student alone" : $"{c.Column} → student", c.Mean, c.Std)),
            $"Quantum students on FashionMNIST (mean ± std over {result.Seeds} seed{(result.Seeds > 1 ? "s" : "")})", "test accuracy", "subset, student"), dir, "kd-fashion");
    }

    public static string Markdown(Result result, string command)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = result.Template;
        var md = new StringBuilder();
        md.AppendLine($"Command: `{command}`  ");
        md.AppendLine(string.Create(inv, $"Time: {result.Seconds:F0} s; {result.Seeds} seed(s); student: {o.Depth} blocks, {o.Encoding.Text()} encoding, {o.FrontEnd.Text()} front-end; backend {o.Backend.Text()}; readout {(o.Shots == 0 ? "exact" : $"{o.Shots} shots")}; T = {o.Temperature}, λ = {o.Lambda}, Adam {o.LearningRates}, {o.Epochs} epochs, {o.PerClass}/class, batch {o.BatchSize}.\n"));
        md.AppendLine("Test accuracy (%), ours mean ± std over seeds, published in brackets.\n");
        md.Append(KdTable.Markdown(result.Students));
        md.AppendLine("\nTeachers (computed on the full test split of the classes; published in brackets):\n");
        md.Append(KdTable.Teachers(result.TeacherCells));
        var paired = KdTable.Paired(result.Students);
        md.AppendLine($"\nDistilled minus alone, paired by seed over all {paired.Count} (row, teacher, seed) pairs: {KdTable.Describe(paired)}.");
        md.AppendLine("\n![bars](kd-fashion.svg)");
        return md.ToString();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qtl.Reports;
using Qtl.Training;
using Qtl.IO;

namespace Qtl.Distillation;

/// <summary>
/// Writes a run's summary.json, then its report from the result: metrics.csv, report.md, report.html and every figure
/// with its CSV. <see cref="Read"/> gets the result back from summary.json and the checkpoint, so the report can be
/// drawn again without training (<c>qtl report</c>).
/// </summary>
public static class DistillationReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(string dir, DistillationResult r)
    {
        Directory.CreateDirectory(dir);
        // Rounded once, so the report drawn from the summary later says what this one says.
        r = r with { Seconds = Math.Round(r.Seconds, 2) };
        var o = r.Options;
        var summary = new JsonObject
        {
            ["teacher"] = r.TeacherName,
            ["teacher_models"] = new JsonArray(r.TeacherModels.Select(m => (JsonNode)m).ToArray()),
            ["teacher_test_accuracy"] = r.TeacherTestAccuracy,
            ["student_test_accuracy"] = r.StudentTestAccuracy,
            ["student"] = r.Student,
            ["student_parameters"] = r.StudentParameters,
            ["readout"] = r.ReadoutSource,
            ["classes"] = new JsonArray(o.Classes.Select(c => (JsonNode)c).ToArray()),
            ["qubits"] = o.Qubits, ["depth"] = o.Depth, ["encoding"] = o.Encoding.Text(),
            ["front_end"] = o.FrontEnd.Text(), ["backend"] = o.Backend.Text(), ["shots"] = o.Shots,
            ["seed"] = o.Seed, ["epochs"] = o.Epochs, ["learning_rate"] = o.LearningRate, ["front_end_learning_rate"] = o.FrontEndLearningRate ?? o.LearningRate, ["temperature"] = o.Temperature,
            ["lambda"] = o.Lambda, ["per_class"] = o.PerClass, ["batch_size"] = o.BatchSize,
            ["train_images"] = r.TrainCount, ["test_images"] = r.TestCount, ["data"] = r.DataNotice,
            ["seconds"] = r.Seconds,
            ["confusion"] = JsonSerializer.SerializeToNode(r.Confusion),
        };
        RunFolder.WriteSummary(dir, summary);
        WriteReport(dir, r);
    }

    /// <summary>metrics.csv, report.md, report.html and the figures (name.svg + name.csv); returns report.html's path.</summary>
    public static string WriteReport(string dir, DistillationResult r)
    {
        var o = r.Options;
        var csv = new StringBuilder("epoch,loss,train_accuracy,seconds\n");
        foreach (var e in r.Epochs) csv.AppendLine(string.Create(Inv, $"{e.Epoch},{e.TrainLoss:R},{e.TrainAccuracy:R},{e.Seconds:F3}"));
        AtomicFile.WriteAllText(Path.Combine(dir, "metrics.csv"), csv.ToString());

        var md = new StringBuilder();
        md.AppendLine($"# Distillation run: {r.TeacherName} → quantum student\n");
        md.AppendLine($"- Student: {r.Student} ({r.StudentParameters} trainable parameters)");
        md.AppendLine($"- Readout: {r.ReadoutSource}; class logits = log(max(q_c, {ClassReadout.Epsilon.ToString(Inv)})) of the renormalised first {o.Classes.Count} outcomes");
        md.AppendLine(string.Create(Inv, $"- Loss: {Loss(o)}; Adam lr {o.LearningRates}, {o.Epochs} epochs, batch {o.BatchSize}, seed {o.Seed}"));
        md.AppendLine($"- Data: {r.DataNotice} Classes {o.ClassesTag}: {r.TrainCount} training images ({o.PerClass}/class), {r.TestCount} test images");
        if (r.TeacherTestAccuracy is double t) md.AppendLine(string.Create(Inv, $"- Teacher test accuracy: **{100 * t:F2} %**"));
        md.AppendLine(string.Create(Inv, $"- Student test accuracy: **{100 * r.StudentTestAccuracy:F2} %**"));
        md.AppendLine(string.Create(Inv, $"- Time: {r.Seconds:F1} s\n"));
        md.AppendLine("| epoch | loss | train accuracy |\n|---:|---:|---:|");
        foreach (var e in r.Epochs) md.AppendLine(string.Create(Inv, $"| {e.Epoch} | {e.TrainLoss:F4} | {100 * e.TrainAccuracy:F1} % |"));
        var sections = new List<ReportSection>
        {
            new SummarySection("Run",
                ("student", $"{r.Student} ({r.StudentParameters} trainable parameters)"),
                ("teacher", r.TeacherTestAccuracy is double a ? string.Create(Inv, $"{r.TeacherName}: {100 * a:F2} % test accuracy") : r.TeacherName),
                ("student test accuracy", string.Create(Inv, $"{100 * r.StudentTestAccuracy:F2} % on {r.TestCount} test images")),
                ("readout", r.ReadoutSource),
                ("loss", string.Create(Inv, $"{Loss(o)}; Adam lr {o.LearningRates}, {o.Epochs} epochs, batch {o.BatchSize}, seed {o.Seed}")),
                ("data", $"{r.DataNotice} Classes {o.ClassesTag}: {r.TrainCount} training images ({o.PerClass}/class)"),
                ("time", string.Create(Inv, $"{r.Seconds:F1} s"))),
            Figure.FromChart("loss", r.LossChart(), dir),
            Figure.FromChart("accuracy", r.AccuracyChart(), dir),
        };
        md.AppendLine("\n![loss](loss.svg)");
        // A run written before the summary kept its confusion matrix has none to draw.
        if (r.Confusion.Length > 0) sections.Add(Figure.FromChart("confusion", r.ConfusionChart(), dir));
        AtomicFile.WriteAllText(Path.Combine(dir, "report.md"), md.ToString());
        return ReportWriter.Write(dir, new ReportData($"qtl-qsharp: distillation, {r.TeacherName} → quantum student",
            $"FashionMNIST classes {o.ClassesTag}, {o.Qubits} qubits, depth {o.Depth}", sections));
    }

    /// <summary>The result a finished run wrote: summary.json for the scores, the checkpoint for options and history.</summary>
    public static DistillationResult Read(string dir)
    {
        string path = Path.Combine(dir, RunFolder.SummaryFile);
        if (!File.Exists(path))
            throw new UserError($"{dir} has no {RunFolder.SummaryFile}: the distillation stopped before it was scored; run it again with a larger --epochs and --resume.");
        var state = Checkpoint.Load<DistillationState>(DistillationState.PathIn(dir), DistillationState.Format);
        try
        {
            var s = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is empty.");
            T Get<T>(string name) => s[name] is { } node ? node.GetValue<T>()
                : throw new InvalidDataException($"{path} has no \"{name}\"; it is not the summary of a finished distillation run.");
            return new DistillationResult(state.Options, Get<string>("teacher"),
                s["teacher_models"]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? [],
                s["teacher_test_accuracy"]?.GetValue<double>(), Get<double>("student_test_accuracy"), state.Progress.History,
                s["confusion"]?.Deserialize<int[][]>() ?? [], Get<string>("student"), Get<int>("student_parameters"),
                Get<string>("readout"), Get<int>("train_images"), Get<int>("test_images"), Get<string>("data"), Get<double>("seconds"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not the summary of a distillation run ({e.Message}).");
        }
    }

    private static string Loss(DistillationOptions o) =>
        string.Create(Inv, $"(1−λ)·CE + λ·T²·KL, T = {o.Temperature}, λ = {(o.HasTeacher ? o.Lambda : 0)}");
}

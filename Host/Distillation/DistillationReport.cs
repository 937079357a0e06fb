using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Qtl.Reports;
using Qtl.Training;

namespace Qtl.Distillation;

/// <summary>Writes a run's summary.json, metrics.csv, report.md and a training-curve chart.</summary>
public static class DistillationReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(string dir, DistillationResult r, bool chart = true)
    {
        Directory.CreateDirectory(dir);
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
            ["seconds"] = Math.Round(r.Seconds, 2),
        };
        RunFolder.WriteSummary(dir, summary);
        var csv = new StringBuilder("epoch,loss,train_accuracy,seconds\n");
        foreach (var e in r.Epochs) csv.AppendLine(string.Create(Inv, $"{e.Epoch},{e.TrainLoss:R},{e.TrainAccuracy:R},{e.Seconds:F3}"));
        AtomicFile.WriteAllText(Path.Combine(dir, "metrics.csv"), csv.ToString());

        var md = new StringBuilder();
        md.AppendLine($"# Distillation run: {r.TeacherName} → quantum student\n");
        md.AppendLine($"- Student: {r.Student} ({r.StudentParameters} trainable parameters)");
        md.AppendLine($"- Readout: {r.ReadoutSource}; class logits = log(max(q_c, {ClassReadout.Epsilon.ToString(Inv)})) of the renormalised first {o.Classes.Count} outcomes");
        md.AppendLine(string.Create(Inv, $"- Loss: (1−λ)·CE + λ·T²·KL, T = {o.Temperature}, λ = {(o.HasTeacher ? o.Lambda : 0)}; Adam lr {o.LearningRates}, {o.Epochs} epochs, batch {o.BatchSize}, seed {o.Seed}"));
        md.AppendLine($"- Data: {r.DataNotice} Classes {o.ClassesTag}: {r.TrainCount} training images ({o.PerClass}/class), {r.TestCount} test images");
        if (r.TeacherTestAccuracy is double t) md.AppendLine(string.Create(Inv, $"- Teacher test accuracy: **{100 * t:F2} %**"));
        md.AppendLine(string.Create(Inv, $"- Student test accuracy: **{100 * r.StudentTestAccuracy:F2} %**"));
        md.AppendLine(string.Create(Inv, $"- Time: {r.Seconds:F1} s\n"));
        md.AppendLine("| epoch | loss | train accuracy |\n|---:|---:|---:|");
        foreach (var e in r.Epochs) md.AppendLine(string.Create(Inv, $"| {e.Epoch} | {e.TrainLoss:F4} | {100 * e.TrainAccuracy:F1} % |"));
        if (chart)
        {
            Chart.Save(Chart.LossCurves([new Curve("student", "train", r.Epochs.Select(e => e.TrainLoss).ToArray())], "Training loss", "KD loss"), dir, "loss");
            md.AppendLine("\n![loss](loss.svg)");
        }
        AtomicFile.WriteAllText(Path.Combine(dir, "report.md"), md.ToString());
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Qtl.Training;
using Qtl.IO;

namespace Qtl.Distillation.Paper;

/// <summary>Writes one published-protocol run (<c>distill --protocol paper</c>): summary.json and metrics.csv.</summary>
public static class PaperRunReport
{
    public static void Write(string dir, PaperRunResult r)
    {
        var o = r.Options;
        var summary = new JsonObject
        {
            ["protocol"] = "paper (arXiv:2311.13810, the authors' FashionMNIST notebooks)",
            ["teacher"] = o.Teacher.Text, ["classes"] = o.ClassesTag, ["qubits"] = o.Qubits, ["depth"] = o.Depth,
            ["head"] = o.Head.ToString(), ["shift_rule"] = o.Rule.Describe(), ["selection"] = o.Selection.ToString(),
            ["kd_reaches_student"] = o.KdReachesStudent, ["kd_weight"] = o.KdWeight, ["temperature"] = o.Temperature,
            ["shots"] = o.Shots, ["readout"] = r.Readout, ["backend"] = o.Backend.Text(), ["seed"] = o.Seed, ["epochs"] = o.Epochs,
            ["learning_rate"] = o.LearningRate, ["per_class"] = o.PerClass, ["train_images"] = r.TrainCount, ["scored_images"] = r.ScoredCount,
            ["student"] = r.Student, ["parameters"] = r.ParameterCount,
            ["accuracy"] = r.Accuracy, ["selected_epoch"] = r.SelectedEpoch, ["teacher_accuracy"] = r.TeacherAccuracy,
            ["seconds"] = Math.Round(r.Seconds, 2),
        };
        RunFolder.WriteSummary(dir, summary);
        var csv = new StringBuilder($"epoch,loss,train_accuracy,{(o.Selection == PaperSelection.HeldOut ? "validation" : "test_subset")}_accuracy,seconds\n");
        foreach (var e in r.Epochs) csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{e.Epoch},{e.TrainLoss:R},{e.TrainAccuracy:R},{e.ValidationAccuracy:R},{e.Seconds:F3}"));
        AtomicFile.WriteAllText(Path.Combine(dir, "metrics.csv"), csv.ToString());
    }
}

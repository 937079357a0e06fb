using Qtl.Distillation;

namespace Qtl;

/// <summary>The figures of a distillation run, as methods of its result (the run's report draws the same).</summary>
public static class DistillationCharts
{
    /// <summary>The student's KD loss per epoch on the training split.</summary>
    public static ChartSpec LossChart(this DistillationResult r) =>
        Chart.LossCurves([new Curve("student", "train", r.Epochs.Select(e => e.TrainLoss).ToArray())], "Training loss", "KD loss");

    /// <summary>The student's accuracy per epoch on the training split.</summary>
    public static ChartSpec AccuracyChart(this DistillationResult r) =>
        Chart.AccuracyCurves([new Curve("student", "train", r.Epochs.Select(e => e.TrainAccuracy).ToArray())], "Training accuracy");

    /// <summary>The student's confusion matrix on the test split, classes by their FashionMNIST names.</summary>
    public static ChartSpec ConfusionChart(this DistillationResult r, string? title = null) =>
        Chart.ConfusionMatrix(r.Confusion, r.ClassNames(), title ?? $"Confusion matrix, student (test, {r.TestCount} images)");

    public static IReadOnlyList<string> ClassNames(this DistillationResult r) =>
        r.Options.Classes.Select(c => Data.FashionMnist.ClassNames[c]).ToList();
}

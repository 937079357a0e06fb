namespace Qtl.Distillation.Paper;

/// <summary>
/// The committed ONNX teachers as the paper's protocol uses them: one logit vector per image, the "ensemble"
/// being the mean of the LeNet and AlexNet logits (the paper trains one model that averages its members' logits;
/// here the members were trained apart, see docs/kd-fashion.md).
/// </summary>
public static class PaperTeachers
{
    public static double[][] Logits(TeacherChoice teacher, KdSplit split, int classes)
    {
        var members = TeacherSet.Resolve(teacher, $"0-{classes - 1}").Logits(split, classes);
        return Enumerable.Range(0, split.Count)
            .Select(i => Enumerable.Range(0, classes).Select(k => members.Average(m => m[i][k])).ToArray()).ToArray();
    }

    public static double Accuracy(double[][] logits, int[] labels) => TeacherSet.Accuracy([logits], labels);

    /// <summary>softmax(logits / T) per image.</summary>
    public static double[][] Soft(double[][] logits, double temperature) => TeacherSet.Soft([logits], temperature);
}

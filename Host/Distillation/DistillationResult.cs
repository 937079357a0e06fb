namespace Qtl.Distillation;

/// <summary>
/// The outcome of one run: the student's test accuracy and, with a teacher, the teacher's (computed here).
/// <see cref="Confusion"/> is [true][predicted] on the test split, as <see cref="Training.Evaluation.Confusion"/>.
/// </summary>
public sealed record DistillationResult(
    DistillationOptions Options,
    string TeacherName,
    IReadOnlyList<string> TeacherModels,
    double? TeacherTestAccuracy,
    double StudentTestAccuracy,
    IReadOnlyList<Training.EpochMetrics> Epochs,
    int[][] Confusion,
    string Student,
    int StudentParameters,
    string ReadoutSource,
    int TrainCount,
    int TestCount,
    string DataNotice,
    double Seconds);

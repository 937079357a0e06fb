namespace Qtl.Distillation.Paper;

/// <summary>
/// The outcome of one run. <see cref="Accuracy"/> is what the protocol reports: the best test-subset accuracy over
/// the epochs (paper), or the test accuracy of the best-validation epoch (held out).
/// </summary>
public sealed record PaperRunResult(
    PaperOptions Options,
    double Accuracy,
    int SelectedEpoch,
    IReadOnlyList<Training.EpochMetrics> Epochs,
    double? TeacherAccuracy,
    string Student,
    int ParameterCount,
    string Readout,
    int TrainCount,
    int ScoredCount,
    double Seconds);

namespace Qtl.Distillation.Paper;

/// <summary>The FashionMNIST table under the published protocol, at every rung of the ladder asked for.</summary>
public sealed record PaperTableResult(
    IReadOnlyList<(PaperStep Step, IReadOnlyList<KdCell> Cells)> Steps,
    IReadOnlyList<KdCell> Teachers,
    IReadOnlyList<PaperRunResult> Runs,
    int FromCache,
    int Seeds,
    int Threads,
    double Seconds,
    PaperOptions Template);

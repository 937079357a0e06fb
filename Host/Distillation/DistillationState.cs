using Qtl.Training;

namespace Qtl.Distillation;

/// <summary>A distillation run's checkpoint: its options and the <see cref="Trainer"/>'s state (student parameters, both Adam optimisers, history).</summary>
public sealed record DistillationState(DistillationOptions Options) : ICheckpointState
{
    public const string Format = "qtl-qsharp/distillation-checkpoint/2";
    public const string File = "student.checkpoint.json";

    public TrainerState Progress { get; init; } = new();

    public static string PathIn(string runDir) => Path.Combine(runDir, File);

    public IEnumerable<(string Field, double[] Values)> NumericFields() => Progress.NumericFields();
}

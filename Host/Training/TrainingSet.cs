namespace Qtl.Training;

/// <summary>What a model trains on: inputs, labels and, for distillation, a teacher's soft target per sample.</summary>
public sealed record TrainingSet(double[][] Inputs, int[] Labels, double[][]? SoftTargets = null)
{
    public int Count => Inputs.Length;
}

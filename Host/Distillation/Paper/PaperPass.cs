namespace Qtl.Distillation.Paper;

/// <summary>What a forward pass computed, kept for the backward pass.</summary>
public sealed record PaperPass(double[][] Angles, double[][] Probabilities, double[][] Outputs);

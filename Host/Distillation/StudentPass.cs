namespace Qtl.Distillation;

/// <summary>What a forward pass of the student computed, kept for the backward pass.</summary>
public sealed record StudentPass(double[][] FrontEnd, double[][] Probabilities, double[][] Logits);

namespace Qtl.Training;

/// <summary>A model's score on one split after an epoch; the loss where the caller computes one.</summary>
public readonly record struct SplitScore(double Accuracy, double? Loss = null);

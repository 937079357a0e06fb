namespace Qtl.Distillation;

/// <summary>One epoch of training: mean loss and accuracy over the training sample.</summary>
public sealed record KdEpoch(int Epoch, double Loss, double TrainAccuracy, double Seconds);

namespace Qtl.Distillation.Paper;

/// <summary>One epoch: mean training loss and accuracy (training mode), and accuracy on the selection split (test subset or validation).</summary>
public sealed record PaperEpoch(int Epoch, double Loss, double TrainAccuracy, double SelectionAccuracy, double Seconds);

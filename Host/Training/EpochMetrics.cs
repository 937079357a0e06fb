namespace Qtl.Training;

/// <summary>
/// What one epoch did: the first parameter group's learning rate, mean loss and accuracy over the training samples
/// (in training mode), and the score on the selection split where the run selects an epoch (null otherwise).
/// </summary>
public sealed record EpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy,
    double? ValidationLoss, double? ValidationAccuracy, double Seconds);

namespace Qtl.Training;

/// <summary>What one epoch did, on the training and validation splits.</summary>
public sealed record EpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy,
    double ValidationLoss, double ValidationAccuracy, double Seconds);

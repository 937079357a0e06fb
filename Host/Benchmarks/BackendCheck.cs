namespace Qtl.Benchmarks;

/// <summary>One cell trained on both backends from the same seed: accuracies side by side and the largest weight difference.</summary>
public sealed record BackendCheck(string Task, int Seed, int Epochs, double NativeValidation, double NativeTest,
    double QSharpValidation, double QSharpTest, double MaxWeightDifference, double QSharpSeconds);

namespace Qtl.Benchmarks;

/// <summary>
/// One model of the benchmark: how it is spelt and labelled, whether it is quantum (compared) or classical (a candidate
/// for the best classical model), what its capacity axis is called, its default grid, and how it fits and predicts.
/// A model from another library (an ML.NET trainer) is one more entry with its own <see cref="Fit"/>, and a grid
/// of the same size whose axes it names (no learning rate for L-BFGS: an empty rate axis; its capacity, e.g.
/// iterations; its L2 regularisation).
/// </summary>
public sealed record BenchmarkModelEntry(BenchmarkModel Model, string Label, bool IsQuantum, string? CapacityName, ModelGrid DefaultGrid,
    Func<FitInput, int[]> Fit);

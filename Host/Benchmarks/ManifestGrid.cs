namespace Qtl.Benchmarks;

/// <summary>One model's grid as benchmark.json spells it.</summary>
public sealed record ManifestGrid(string Model, IReadOnlyList<double> Lr, IReadOnlyList<int> Capacity, IReadOnlyList<double> L2);

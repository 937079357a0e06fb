using Qtl.Model;

namespace Qtl.Benchmarks;

/// <summary>
/// One trained head on one task and seed: <paramref name="Validation"/> is the best validation accuracy (the
/// epoch it selects, as the paper reports), <paramref name="Test"/> that selected model on the held-out test set.
/// <paramref name="Setting"/> names an ablation ("depth 3"), or is empty for the recipe.
/// </summary>
public sealed record HeadScore(string Task, HeadKind Head, string Setting, int Seed, double Validation, double Test, int BestEpoch);

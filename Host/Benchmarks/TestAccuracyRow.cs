namespace Qtl.Benchmarks;

/// <summary>One task's row of the benchmark's main table, formatted (accuracies in %, mean ± std over seeds).</summary>
public sealed record TestAccuracyRow(string Task, string Quantum, string Classical, string Linear, string QuantumMinusClassical, string QuantumMinusLinear, string SeedsQuantumWon);

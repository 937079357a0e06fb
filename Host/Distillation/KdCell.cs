using Qtl.Reports;

namespace Qtl.Distillation;

/// <summary>One cell of the table: mean ± std of test accuracy over seeds (fractions).</summary>
public sealed record KdCell(string Row, string Column, IReadOnlyList<double> Accuracies, double? Published)
{
    public double Mean => SeedStatistics.Of(Accuracies).Mean;
    public double Std => SeedStatistics.Of(Accuracies).Std;
}

using System.Globalization;

namespace Qtl.Benchmarks;

/// <summary>
/// One point of a model's grid: the learning rate (null for a trainer without one, e.g. L-BFGS), the model's capacity
/// (circuit depth, qubits, hidden width or a trainer's own count, as its entry names it; null for a model without one)
/// and the L2 penalty λ (Adam's weight decay for the heads the product's trainer fits).
/// </summary>
public sealed record GridSetting(double? LearningRate, int? Capacity, double L2)
{
    public string Describe(string? capacityName) => string.Join(", ", new[]
    {
        LearningRate is double lr ? string.Create(CultureInfo.InvariantCulture, $"lr {lr:R}") : null,
        Capacity is int c ? string.Create(CultureInfo.InvariantCulture, $"{capacityName} {c}") : null,
        string.Create(CultureInfo.InvariantCulture, $"l2 {L2:R}"),
    }.OfType<string>());
}

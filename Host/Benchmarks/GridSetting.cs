using System.Globalization;

namespace Qtl.Benchmarks;

/// <summary>
/// One point of a model's grid: Adam's learning rate, the model's capacity (circuit depth, qubits or hidden width, as
/// its grid names it; null for a model without one) and the L2 penalty λ (Adam's weight decay).
/// </summary>
public sealed record GridSetting(double LearningRate, int? Capacity, double L2)
{
    public string Describe(string? capacityName) => string.Create(CultureInfo.InvariantCulture,
        $"lr {LearningRate:R}{(Capacity is int c ? $", {capacityName} {c}" : "")}, l2 {L2:R}");
}

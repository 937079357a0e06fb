namespace Qtl;

/// <summary>One line of a training curve: a model's metric on one split, one value per epoch (epoch 1 first).</summary>
public sealed record Curve(string Model, string Split, IReadOnlyList<double> Values);

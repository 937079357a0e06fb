namespace Qtl.Model;

/// <summary>A named trainable tensor (flat) with its gradient, accumulated by backward passes.</summary>
public sealed class Parameter(string name, double[] value)
{
    public string Name { get; } = name;
    public double[] Value { get; } = value;
    public double[] Gradient { get; } = new double[value.Length];

    public void ZeroGradient() => Array.Clear(Gradient);
}

namespace Qtl.Model;

/// <summary>A named trainable tensor (flat) with its gradient, accumulated by backward passes.</summary>
public sealed class Parameter(string name, double[] value)
{
    public string Name { get; } = name;
    public double[] Value { get; } = value;
    public double[] Gradient { get; } = new double[value.Length];

    public void ZeroGradient() => Array.Clear(Gradient);

    /// <summary>PyTorch's default initialisation of Linear and Conv2d weights and biases: U(−1/√fanIn, 1/√fanIn).</summary>
    public static Parameter Uniform(string name, int count, int fanIn, Random rng)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        return new Parameter(name, Enumerable.Range(0, count).Select(_ => (rng.NextDouble() * 2 - 1) * bound).ToArray());
    }
}

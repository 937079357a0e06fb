namespace Qtl.Model;

/// <summary>A named trainable tensor (flat) with its gradient, accumulated by backward passes.</summary>
public sealed class Parameter(string name, double[] value)
{
    public string Name { get; } = name;
    public double[] Value { get; } = value;
    public double[] Gradient { get; } = new double[value.Length];

    public void ZeroGradient() => Array.Clear(Gradient);

    /// <summary>Copies stored values into <paramref name="parameters"/> by name, refusing a missing name or a wrong length.</summary>
    /// <param name="source">Names the store in the message, e.g. "the checkpoint".</param>
    public static void LoadAll(IEnumerable<Parameter> parameters, IReadOnlyDictionary<string, double[]> values, string source)
    {
        foreach (var p in parameters)
        {
            if (!values.TryGetValue(p.Name, out var v) || v.Length != p.Value.Length)
                throw new InvalidDataException($"{source} lacks parameter '{p.Name}' of length {p.Value.Length}; it does not match the model's options.");
            v.CopyTo(p.Value, 0);
        }
    }

    /// <summary>PyTorch's default initialisation of Linear and Conv2d weights and biases: U(−1/√fanIn, 1/√fanIn).</summary>
    public static Parameter Uniform(string name, int count, int fanIn, Random rng)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        return new Parameter(name, Enumerable.Range(0, count).Select(_ => (rng.NextDouble() * 2 - 1) * bound).ToArray());
    }
}

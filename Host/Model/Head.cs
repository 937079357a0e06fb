namespace Qtl.Model;

/// <summary>
/// A trainable head on frozen features: a chain of layers ending in class logits.
/// Kinds: <c>quantum</c> (the dressed circuit), <c>classical</c> (the same shape with the
/// circuit replaced by Linear(n→n)+tanh) and <c>linear</c> (Linear(F→C)).
/// </summary>
public sealed class Head(string kind, IReadOnlyList<ILayer> layers)
{
    public const string Quantum = "quantum";
    public const string Classical = "classical";
    public const string LinearKind = "linear";
    public static readonly string[] Kinds = [Quantum, Classical, LinearKind];

    public string Kind { get; } = kind;
    public IReadOnlyList<ILayer> Layers { get; } = layers;
    public IReadOnlyList<Parameter> Parameters => Layers.SelectMany(l => l.Parameters).ToList();
    public string Describe() => string.Join(" → ", Layers.Select(l => l.Describe()));
    public int ParameterCount => Parameters.Sum(p => p.Value.Length);

    public double[][] Forward(double[][] features, bool training)
    {
        var x = features;
        foreach (var layer in Layers)
            x = layer.Forward(x, training);
        return x;
    }

    public void Backward(double[][] logitGradient)
    {
        var g = logitGradient;
        for (int i = Layers.Count - 1; i >= 0; i--)
            g = Layers[i].Backward(g);
    }

    public void ZeroGradients()
    {
        foreach (var p in Parameters) p.ZeroGradient();
    }
}

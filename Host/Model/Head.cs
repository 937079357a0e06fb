namespace Qtl.Model;

/// <summary>A trainable head on frozen features: a chain of layers ending in class logits.</summary>
public sealed class Head(IReadOnlyList<ILayer> layers)
{
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

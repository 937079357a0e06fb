namespace Qtl.Model;

/// <summary>
/// A model as a sequence of layers (PyTorch's <c>nn.Sequential</c>): a transfer head on frozen features, a distilled
/// student, the published protocol's student. Its outputs are what its loss reads (class logits, or the paper's head outputs).
/// </summary>
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

    /// <summary>
    /// Inference outputs, <paramref name="chunk"/> samples per forward pass (one backend call each). With shots the
    /// chunking decides the shot streams, so a protocol keeps its own.
    /// </summary>
    public double[][] Predict(double[][] inputs, int chunk = 1000)
    {
        var outputs = new List<double[]>(inputs.Length);
        for (int start = 0; start < inputs.Length; start += chunk)
            outputs.AddRange(Forward(inputs[start..Math.Min(inputs.Length, start + chunk)], training: false));
        return [.. outputs];
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

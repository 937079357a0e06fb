namespace Qtl.Model;

/// <summary>y = max(x, 0); the gradient at 0 is taken as 0, as in PyTorch.</summary>
public sealed class Relu : ILayer
{
    private double[][]? _input;

    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => "ReLU";

    public double[][] Forward(double[][] input, bool training)
    {
        if (training) _input = input;
        return input.Select(row => row.Select(v => v > 0 ? v : 0).ToArray()).ToArray();
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var x = _input ?? throw new InvalidOperationException("Backward called before a training Forward.");
        return outputGradient.Select((g, b) => g.Select((v, i) => x[b][i] > 0 ? v : 0).ToArray()).ToArray();
    }
}

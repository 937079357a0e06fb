namespace Qtl.Model;

/// <summary>y = scale · tanh(x); the dressed circuit uses scale π/2 so inputs become RY angles in (−π/2, π/2).</summary>
public sealed class Tanh(double scale = 1.0) : ILayer
{
    private double[][]? _output;

    public double Scale { get; } = scale;
    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => Scale == 1.0 ? "tanh" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tanh·{Scale:0.####}");

    public double[][] Forward(double[][] input, bool training)
    {
        var y = input.Select(row => row.Select(v => Scale * Math.Tanh(v)).ToArray()).ToArray();
        if (training) _output = y;
        return y;
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var y = _output ?? throw new InvalidOperationException("Backward called before a training Forward.");
        // d/dx s·tanh(x) = s·(1 − tanh²) = s − y²/s.
        return outputGradient.Select((g, b) => g.Select((v, i) => v * (Scale - y[b][i] * y[b][i] / Scale)).ToArray()).ToArray();
    }
}

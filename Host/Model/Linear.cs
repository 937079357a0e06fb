using MathNet.Numerics.LinearAlgebra;

namespace Qtl.Model;

/// <summary>y = W x + b, W of shape out × in, initialised as PyTorch does: U(−1/√in, 1/√in).</summary>
public sealed class Linear : ILayer
{
    private Matrix<double>? _input;

    public Linear(string name, int inputs, int outputs, Random rng)
    {
        Inputs = inputs;
        Outputs = outputs;
        double bound = 1 / Math.Sqrt(inputs);
        Weight = new Parameter($"{name}.weight", Enumerable.Range(0, inputs * outputs).Select(_ => (rng.NextDouble() * 2 - 1) * bound).ToArray());
        Bias = new Parameter($"{name}.bias", Enumerable.Range(0, outputs).Select(_ => (rng.NextDouble() * 2 - 1) * bound).ToArray());
    }

    public int Inputs { get; }
    public int Outputs { get; }
    public Parameter Weight { get; }
    public Parameter Bias { get; }
    public IReadOnlyList<Parameter> Parameters => [Weight, Bias];
    public string Describe() => $"Linear({Inputs}→{Outputs})";

    // Weight.Value is W row-major, i.e. Wᵀ column-major: bind it without a per-element copy (same values, same products).
    private Matrix<double> WTransposed => Matrix<double>.Build.Dense(Inputs, Outputs, Weight.Value);
    private Matrix<double> W => WTransposed.Transpose();

    public double[][] Forward(double[][] input, bool training)
    {
        if (input.Length > 0 && input[0].Length != Inputs)
            throw new ArgumentException($"{Describe()} got inputs of size {input[0].Length}; expected {Inputs}.");
        var x = Matrix<double>.Build.DenseOfRowArrays(input);
        if (training) _input = x;
        var y = x * WTransposed;
        var bias = Vector<double>.Build.DenseOfArray(Bias.Value);
        for (int b = 0; b < y.RowCount; b++)
            y.SetRow(b, y.Row(b) + bias);
        return y.ToRowArrays();
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var x = _input ?? throw new InvalidOperationException("Backward called before a training Forward.");
        var g = Matrix<double>.Build.DenseOfRowArrays(outputGradient);
        var dW = g.Transpose() * x;
        for (int r = 0; r < Outputs; r++)
            for (int c = 0; c < Inputs; c++)
                Weight.Gradient[r * Inputs + c] += dW[r, c];
        var dB = g.ColumnSums();
        for (int r = 0; r < Outputs; r++)
            Bias.Gradient[r] += dB[r];
        return (g * W).ToRowArrays();
    }
}

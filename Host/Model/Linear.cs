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
        Weight = Parameter.Uniform($"{name}.weight", inputs * outputs, inputs, rng);
        Bias = Parameter.Uniform($"{name}.bias", outputs, inputs, rng);
    }

    public int Inputs { get; }
    public int Outputs { get; }
    public Parameter Weight { get; }
    public Parameter Bias { get; }
    public IReadOnlyList<Parameter> Parameters => [Weight, Bias];
    public string Describe() => $"Linear({Inputs}→{Outputs})";

    // Weight.Value is W row-major, i.e. Wᵀ column-major: bind it without a per-element copy (same values, same products).
    private Matrix<double> WTransposed => Matrix<double>.Build.Dense(Inputs, Outputs, Weight.Value);

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
        // Plain loops in MathNet's order (a test holds the bits equal to gᵀ·x and g·W): no out × in temporaries,
        // which are large objects for the CNN student's 320 → 50 layer at every sample.
        int batch = outputGradient.Length;
        for (int r = 0; r < Outputs; r++)
            for (int c = 0; c < Inputs; c++)
            {
                double s = 0;
                for (int b = 0; b < batch; b++) s += outputGradient[b][r] * x[b, c];
                Weight.Gradient[r * Inputs + c] += s;
            }
        var dB = g.ColumnSums();
        for (int r = 0; r < Outputs; r++)
            Bias.Gradient[r] += dB[r];
        var dx = new double[batch][];
        for (int b = 0; b < batch; b++)
        {
            dx[b] = new double[Inputs];
            for (int c = 0; c < Inputs; c++)
            {
                double s = 0;
                for (int r = 0; r < Outputs; r++) s += outputGradient[b][r] * Weight.Value[r * Inputs + c];
                dx[b][c] = s;
            }
        }
        return dx;
    }
}

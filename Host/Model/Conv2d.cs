using System.Numerics.Tensors;

namespace Qtl.Model;

/// <summary>
/// A 2-d convolution, stride 1, no padding, on rows laid out channel × height × width (PyTorch's order).
/// Weights are out × (in·k·k), initialised as PyTorch does: U(−1/√(in·k·k), 1/√(in·k·k)) for weights and bias.
/// Each sample is unfolded into columns (im2col) so the inner loops run over contiguous output positions.
/// </summary>
public sealed class Conv2d : ILayer
{
    private readonly int _inputHeight, _inputWidth;
    private readonly bool _inputGradient;
    // Buffers reused across calls: a sample's columns are ~100 KB, and a fresh one per sample would go to the
    // large-object heap (slow to allocate, collected only with gen 2). Every entry is overwritten before it is read.
    private double[][]? _columns; // per sample of the last training forward: (in·k·k) × (outH·outW)
    private double[]? _scratch, _dCol;

    /// <param name="inputGradient">False for a first layer: its backward pass then returns zeros instead of dLoss/dInput.</param>
    public Conv2d(string name, int inputChannels, int outputChannels, int kernel, int inputHeight, int inputWidth, Random rng, bool inputGradient = true)
    {
        _inputGradient = inputGradient;
        if (kernel > inputHeight || kernel > inputWidth)
            throw new ArgumentException($"a {kernel}×{kernel} kernel does not fit a {inputHeight}×{inputWidth} input.");
        (InputChannels, OutputChannels, Kernel, _inputHeight, _inputWidth) = (inputChannels, outputChannels, kernel, inputHeight, inputWidth);
        OutputHeight = inputHeight - kernel + 1;
        OutputWidth = inputWidth - kernel + 1;
        Weight = Parameter.Uniform($"{name}.weight", outputChannels * Taps, Taps, rng);
        Bias = Parameter.Uniform($"{name}.bias", outputChannels, Taps, rng);
    }

    public int InputChannels { get; }
    public int OutputChannels { get; }
    public int Kernel { get; }
    public int OutputHeight { get; }
    public int OutputWidth { get; }
    public Parameter Weight { get; }
    public Parameter Bias { get; }
    public IReadOnlyList<Parameter> Parameters => [Weight, Bias];
    public string Describe() => $"Conv2d({InputChannels}→{OutputChannels}, {Kernel}×{Kernel})";

    private int Taps => InputChannels * Kernel * Kernel;
    private int Positions => OutputHeight * OutputWidth;

    public double[][] Forward(double[][] input, bool training)
    {
        int size = InputChannels * _inputHeight * _inputWidth;
        var output = new double[input.Length][];
        double[][]? columns = null;
        if (training)
        {
            columns = _columns is { } kept && kept.Length == input.Length ? kept : new double[input.Length][];
            for (int b = 0; b < columns.Length; b++) columns[b] ??= new double[Taps * Positions];
        }
        for (int b = 0; b < input.Length; b++)
        {
            if (input[b].Length != size) throw new ArgumentException($"{Describe()} got {input[b].Length} inputs; expected {size}.");
            var col = columns is not null ? columns[b] : _scratch ??= new double[Taps * Positions];
            Unfold(input[b], col);
            var y = output[b] = new double[OutputChannels * Positions];
            for (int o = 0; o < OutputChannels; o++)
            {
                var row = y.AsSpan(o * Positions, Positions);
                row.Fill(Bias.Value[o]);
                for (int r = 0; r < Taps; r++)
                    TensorPrimitives.MultiplyAdd(col.AsSpan(r * Positions, Positions), Weight.Value[o * Taps + r], row, row);
            }
        }
        if (training) _columns = columns;
        return output;
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var columns = _columns ?? throw new InvalidOperationException("Backward called before a training Forward.");
        var inputGradient = new double[outputGradient.Length][];
        var dCol = _dCol ??= new double[Taps * Positions];
        for (int b = 0; b < outputGradient.Length; b++)
        {
            var g = outputGradient[b];
            Array.Clear(dCol);
            for (int o = 0; o < OutputChannels; o++)
            {
                var gRow = g.AsSpan(o * Positions, Positions);
                Bias.Gradient[o] += TensorPrimitives.Sum(gRow);
                for (int r = 0; r < Taps; r++)
                {
                    Weight.Gradient[o * Taps + r] += TensorPrimitives.Dot(gRow, columns[b].AsSpan(r * Positions, Positions));
                    if (!_inputGradient) continue;
                    var d = dCol.AsSpan(r * Positions, Positions);
                    TensorPrimitives.MultiplyAdd(gRow, Weight.Value[o * Taps + r], d, d);
                }
            }
            inputGradient[b] = _inputGradient ? Fold(dCol) : new double[InputChannels * _inputHeight * _inputWidth];
        }
        return inputGradient;
    }

    /// <summary>im2col: column r = (c, u, v) holds x[c, i+u, j+v] for every output position (i, j).</summary>
    private void Unfold(double[] x, double[] col)
    {
        for (int c = 0, r = 0; c < InputChannels; c++)
            for (int u = 0; u < Kernel; u++)
                for (int v = 0; v < Kernel; v++, r++)
                    for (int i = 0; i < OutputHeight; i++)
                        x.AsSpan((c * _inputHeight + i + u) * _inputWidth + v, OutputWidth).CopyTo(col.AsSpan(r * Positions + i * OutputWidth));
    }

    /// <summary>The adjoint of <see cref="Unfold"/>: every column entry added back to the pixel it came from.</summary>
    private double[] Fold(double[] dCol)
    {
        var dx = new double[InputChannels * _inputHeight * _inputWidth];
        for (int c = 0, r = 0; c < InputChannels; c++)
            for (int u = 0; u < Kernel; u++)
                for (int v = 0; v < Kernel; v++, r++)
                    for (int i = 0; i < OutputHeight; i++)
                    {
                        var target = dx.AsSpan((c * _inputHeight + i + u) * _inputWidth + v, OutputWidth);
                        TensorPrimitives.Add(target, dCol.AsSpan(r * Positions + i * OutputWidth, OutputWidth), target);
                    }
        return dx;
    }
}

namespace Qtl.Model;

/// <summary>Max pooling over non-overlapping size × size windows (PyTorch's max_pool2d(x, size)), rows channel × height × width.</summary>
public sealed class MaxPool2d(int channels, int inputHeight, int inputWidth, int size = 2) : ILayer
{
    private int[][]? _argMax; // per sample and output, the input index that won
    private int _inputLength;

    public int OutputHeight => inputHeight / size;
    public int OutputWidth => inputWidth / size;
    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => $"MaxPool2d({size})";

    public double[][] Forward(double[][] input, bool training)
    {
        int oh = OutputHeight, ow = OutputWidth;
        var output = new double[input.Length][];
        var argMax = new int[input.Length][];
        for (int b = 0; b < input.Length; b++)
        {
            var x = input[b];
            var y = output[b] = new double[channels * oh * ow];
            var arg = argMax[b] = new int[y.Length];
            for (int c = 0, o = 0; c < channels; c++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++, o++)
                    {
                        int best = (c * inputHeight + i * size) * inputWidth + j * size;
                        for (int u = 0; u < size; u++)
                            for (int v = 0; v < size; v++)
                            {
                                int k = (c * inputHeight + i * size + u) * inputWidth + j * size + v;
                                if (x[k] > x[best]) best = k;
                            }
                        y[o] = x[best];
                        arg[o] = best;
                    }
        }
        if (training)
        {
            _argMax = argMax;
            _inputLength = channels * inputHeight * inputWidth;
        }
        return output;
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var argMax = _argMax ?? throw new InvalidOperationException("Backward called before a training Forward.");
        var dx = new double[outputGradient.Length][];
        for (int b = 0; b < dx.Length; b++)
        {
            dx[b] = new double[_inputLength];
            for (int o = 0; o < outputGradient[b].Length; o++) dx[b][argMax[b][o]] += outputGradient[b][o];
        }
        return dx;
    }
}

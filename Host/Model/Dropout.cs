namespace Qtl.Model;

/// <summary>
/// Inverted dropout while training: each group of <paramref name="groupSize"/> consecutive inputs is zeroed with
/// probability p and the rest scaled by 1/(1−p); identity at evaluation. Group size 1 is PyTorch's Dropout;
/// a group of height × width zeroes whole channels, as Dropout2d does. The generator is the run's, so runs repeat.
/// </summary>
public sealed class Dropout(double p, Random rng, int groupSize = 1) : ILayer
{
    private double[][]? _scale;

    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(groupSize == 1 ? "Dropout" : "Dropout2d")}({p})");

    public double[][] Forward(double[][] input, bool training)
    {
        if (!training || p == 0) return input;
        var scale = new double[input.Length][];
        var output = new double[input.Length][];
        for (int b = 0; b < input.Length; b++)
        {
            scale[b] = new double[input[b].Length];
            for (int start = 0; start < input[b].Length; start += groupSize)
            {
                double s = rng.NextDouble() < p ? 0 : 1 / (1 - p);
                scale[b].AsSpan(start, Math.Min(groupSize, input[b].Length - start)).Fill(s);
            }
            output[b] = input[b].Select((v, i) => v * scale[b][i]).ToArray();
        }
        _scale = scale;
        return output;
    }

    public double[][] Backward(double[][] outputGradient)
    {
        if (p == 0) return outputGradient;
        var scale = _scale ?? throw new InvalidOperationException("Backward called before a training Forward.");
        return outputGradient.Select((g, b) => g.Select((v, i) => v * scale[b][i]).ToArray()).ToArray();
    }
}

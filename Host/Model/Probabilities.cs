namespace Qtl.Model;

/// <summary>
/// The one softmax and the one argmax of the product (heads, evaluation, distillation, the paper protocol). Results in
/// the docs depend on their exact arithmetic: the maximum is subtracted, then exponentials summed in index order.
/// </summary>
public static class Probabilities
{
    /// <summary>softmax(x / T) into <paramref name="output"/>, shifted by the maximum for stability.</summary>
    public static void Softmax(ReadOnlySpan<double> logits, double temperature, Span<double> output)
    {
        double max = double.NegativeInfinity;
        foreach (double v in logits) max = Math.Max(max, v);
        double sum = 0;
        for (int k = 0; k < logits.Length; k++) sum += output[k] = Math.Exp((logits[k] - max) / temperature);
        for (int k = 0; k < logits.Length; k++) output[k] /= sum;
    }

    public static double[] Softmax(ReadOnlySpan<double> logits, double temperature = 1.0)
    {
        var p = new double[logits.Length];
        Softmax(logits, temperature, p);
        return p;
    }

    /// <summary>The index of the largest value; the first one on a tie.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }
}

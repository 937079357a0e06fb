namespace Qtl.Model;

/// <summary>Softmax cross-entropy, averaged over the batch, and its gradient w.r.t. the logits.</summary>
public static class Loss
{
    public static double[] Softmax(ReadOnlySpan<double> logits, double temperature = 1.0)
    {
        double max = double.NegativeInfinity;
        foreach (var v in logits) max = Math.Max(max, v);
        var p = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += p[i] = Math.Exp((logits[i] - max) / temperature);
        for (int i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }

    /// <summary>Mean cross-entropy of the batch; fills <paramref name="gradient"/> with dLoss/dLogits.</summary>
    public static double CrossEntropy(double[][] logits, ReadOnlySpan<int> labels, out double[][] gradient)
    {
        int batch = logits.Length;
        gradient = new double[batch][];
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            var p = Softmax(logits[b]);
            loss -= Math.Log(Math.Max(p[labels[b]], 1e-300));
            p[labels[b]] -= 1;
            for (int c = 0; c < p.Length; c++) p[c] /= batch;
            gradient[b] = p;
        }
        return loss / batch;
    }
}

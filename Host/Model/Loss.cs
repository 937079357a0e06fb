namespace Qtl.Model;

/// <summary>Softmax cross-entropy, averaged over the batch, and its gradient w.r.t. the logits.</summary>
public static class Loss
{
    /// <summary>Mean cross-entropy of the batch; fills <paramref name="gradient"/> with dLoss/dLogits.</summary>
    public static double CrossEntropy(double[][] logits, ReadOnlySpan<int> labels, out double[][] gradient)
    {
        int batch = logits.Length;
        gradient = new double[batch][];
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            var p = Probabilities.Softmax(logits[b]);
            loss -= Math.Log(Math.Max(p[labels[b]], 1e-300));
            p[labels[b]] -= 1;
            for (int c = 0; c < p.Length; c++) p[c] /= batch;
            gradient[b] = p;
        }
        return loss / batch;
    }
}

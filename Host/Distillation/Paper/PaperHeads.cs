using System.Numerics.Tensors;

namespace Qtl.Distillation.Paper;

/// <summary>Forward and backward of the fixed heads of <see cref="PaperHead"/>; class c is output c.</summary>
public static class PaperHeads
{
    public static int OutputCount(PaperHead head, int states) => head == PaperHead.Softmax ? states : 2 * states;

    public static double[] Forward(PaperHead head, ReadOnlySpan<double> p)
    {
        int k = p.Length;
        var o = new double[OutputCount(head, k)];
        if (head == PaperHead.Softmax)
        {
            TensorPrimitives.SoftMax(p, o);
            return o;
        }
        for (int i = 0; i < k; i++)
        {
            o[i] = 1 / (1 + Math.Exp(-p[i]));
            o[k + i] = 1 - o[i];
        }
        return o;
    }

    /// <summary>dL/dp from dL/doutputs; <paramref name="outputs"/> are this head's outputs for p.</summary>
    public static double[] Backward(PaperHead head, ReadOnlySpan<double> outputs, ReadOnlySpan<double> dOutputs)
    {
        if (head == PaperHead.Softmax)
        {
            // Softmax Jacobian: dp_j = o_j (g_j − Σ_k o_k g_k).
            double dot = TensorPrimitives.Dot(outputs, dOutputs);
            var dp = new double[outputs.Length];
            for (int j = 0; j < dp.Length; j++) dp[j] = outputs[j] * (dOutputs[j] - dot);
            return dp;
        }
        int states = outputs.Length / 2;
        var d = new double[states];
        for (int i = 0; i < states; i++) d[i] = (dOutputs[i] - dOutputs[states + i]) * outputs[i] * (1 - outputs[i]);
        return d;
    }
}

using Qtl.Model;

namespace Qtl.Distillation;

/// <summary>
/// Readout of a student: the first C basis-state probabilities renormalised as the class distribution,
/// q_c = p_c / Σ_{k&lt;C} p_k, and logits s_c = log(max(q_c, ε)). The clamp keeps log 0 (possible with shots)
/// finite; below ε the logit is constant, so its gradient there is 0.
/// </summary>
public sealed class ClassReadout(int classes) : ILayer
{
    public const double Epsilon = 1e-6;

    private double[][]? _probabilities;

    public int Classes { get; } = classes;
    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => $"log of the first {Classes} basis-state probabilities, renormalised";

    public double[][] Forward(double[][] input, bool training)
    {
        if (input.Length > 0 && input[0].Length < Classes)
            throw new ArgumentException($"{Classes} classes need {Classes} basis states; the circuit gives {input[0].Length}.");
        if (training) _probabilities = input;
        return [.. input.Select(p => { var logits = new double[Classes]; Logits(p, logits); return logits; })];
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var p = _probabilities ?? throw new InvalidOperationException("Backward called before a training Forward.");
        return [.. outputGradient.Select((g, b) => { var dp = new double[p[b].Length]; Gradient(p[b], g, dp); return dp; })];
    }

    public static void Logits(ReadOnlySpan<double> p, Span<double> logits)
    {
        int c = logits.Length;
        double sum = 0;
        for (int k = 0; k < c; k++) sum += p[k];
        sum = Math.Max(sum, 1e-300);
        for (int k = 0; k < c; k++) logits[k] = Math.Log(Math.Max(p[k] / sum, Epsilon));
    }

    /// <summary>dL/dp (2^n entries; 0 beyond the first C) from dL/ds.</summary>
    private static void Gradient(ReadOnlySpan<double> p, ReadOnlySpan<double> dLogits, Span<double> dp)
    {
        int c = dLogits.Length;
        dp.Clear();
        double sum = 0;
        for (int k = 0; k < c; k++) sum += p[k];
        sum = Math.Max(sum, 1e-300);
        // s_c = log p_c − log S where not clamped: ds_c/dp_j = δ_cj / p_c − 1/S (j < C).
        double total = 0;
        for (int k = 0; k < c; k++)
        {
            if (p[k] / sum < Epsilon) continue;
            dp[k] += dLogits[k] / p[k];
            total += dLogits[k];
        }
        for (int k = 0; k < c; k++) dp[k] -= total / sum;
    }
}

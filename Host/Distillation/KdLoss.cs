using Qtl.Model;

namespace Qtl.Distillation;

/// <summary>
/// The knowledge-distillation loss of one sample, (1−λ)·CE(s, y) + λ·T²·KL(softmax(t/T) ‖ softmax(s/T)),
/// and its gradient with respect to the student's logits s. Without a teacher the loss is CE alone.
/// </summary>
public static class KdLoss
{
    public static double Compute(ReadOnlySpan<double> studentLogits, int label, ReadOnlySpan<double> teacherSoft,
        double temperature, double lambda, Span<double> gradient)
    {
        int c = studentLogits.Length;
        Span<double> q = stackalloc double[c], qt = stackalloc double[c];
        Probabilities.Softmax(studentLogits, 1, q);
        double ce = -Math.Log(Math.Max(q[label], 1e-300));
        if (teacherSoft.IsEmpty)
        {
            for (int k = 0; k < c; k++) gradient[k] = q[k] - (k == label ? 1 : 0);
            return ce;
        }
        if (teacherSoft.Length != c) throw new ArgumentException($"teacher gives {teacherSoft.Length} classes, the student {c}.");
        Probabilities.Softmax(studentLogits, temperature, qt);
        double kl = 0;
        for (int k = 0; k < c; k++)
            if (teacherSoft[k] > 0) kl += teacherSoft[k] * (Math.Log(teacherSoft[k]) - Math.Log(Math.Max(qt[k], 1e-300)));
        double t2 = temperature * temperature;
        for (int k = 0; k < c; k++)
            gradient[k] = (1 - lambda) * (q[k] - (k == label ? 1 : 0)) + lambda * temperature * (qt[k] - teacherSoft[k]);
        return (1 - lambda) * ce + lambda * t2 * kl;
    }
}

/// <summary>
/// Readout of a student: the first C basis-state probabilities renormalised as the class distribution,
/// q_c = p_c / Σ_{k&lt;C} p_k, and logits s_c = log(max(q_c, ε)). The clamp keeps log 0 (possible with shots)
/// finite; below ε the logit is constant, so its gradient there is 0.
/// </summary>
public static class Readout
{
    public const double Epsilon = 1e-6;

    public static void Logits(ReadOnlySpan<double> p, Span<double> logits)
    {
        int c = logits.Length;
        double sum = 0;
        for (int k = 0; k < c; k++) sum += p[k];
        sum = Math.Max(sum, 1e-300);
        for (int k = 0; k < c; k++) logits[k] = Math.Log(Math.Max(p[k] / sum, Epsilon));
    }

    /// <summary>dL/dp (2^n entries; 0 beyond the first C) from dL/ds.</summary>
    public static void Backward(ReadOnlySpan<double> p, ReadOnlySpan<double> dLogits, Span<double> dp)
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

/// <summary>Maps front-end outputs z to circuit inputs: amplitude ψ = tanh(z)/‖tanh(z)‖, angle θ = tanh(z)·π/2.</summary>
public static class Encoding
{
    public static double[] Forward(Quantum.InputEncoding encoding, ReadOnlySpan<double> z)
    {
        var x = new double[z.Length];
        for (int i = 0; i < z.Length; i++) x[i] = Math.Tanh(z[i]);
        if (encoding == Quantum.InputEncoding.Angle)
        {
            for (int i = 0; i < x.Length; i++) x[i] *= Math.PI / 2;
            return x;
        }
        double norm = Math.Max(Norm(x), 1e-12);
        for (int i = 0; i < x.Length; i++) x[i] /= norm;
        return x;
    }

    public static double[] Backward(Quantum.InputEncoding encoding, ReadOnlySpan<double> z, ReadOnlySpan<double> dInputs)
    {
        var v = new double[z.Length];
        for (int i = 0; i < z.Length; i++) v[i] = Math.Tanh(z[i]);
        var dz = new double[z.Length];
        if (encoding == Quantum.InputEncoding.Angle)
        {
            for (int i = 0; i < z.Length; i++) dz[i] = dInputs[i] * Math.PI / 2 * (1 - v[i] * v[i]);
            return dz;
        }
        double norm = Math.Max(Norm(v), 1e-12), dot = 0;
        for (int i = 0; i < v.Length; i++) dot += v[i] / norm * dInputs[i];
        for (int i = 0; i < v.Length; i++) dz[i] = (dInputs[i] - v[i] / norm * dot) / norm * (1 - v[i] * v[i]);
        return dz;
    }

    private static double Norm(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v * v;
        return Math.Sqrt(s);
    }
}

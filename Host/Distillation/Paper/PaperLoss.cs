using Qtl.Model;

namespace Qtl.Distillation.Paper;

/// <summary>
/// The published loss of one sample: cross-entropy over all head outputs taken as logits, plus, with a teacher,
/// weight · Σ_c t_c (log t_c − log q_c) with t = softmax(teacher/T) and q = softmax(first C outputs / T).
/// The CE is not weighted by 1 − α; the weight is T²·α·C/C = 8.1 at T = 3, α = 0.9 (KLDivLoss's mean over C
/// times the code's T·T·C·α).
/// </summary>
public sealed record PaperLoss(double Temperature, double Weight) : ILoss
{
    public double Compute(ReadOnlySpan<double> outputs, int label, ReadOnlySpan<double> teacherSoft, Span<double> gradient)
    {
        var (temperature, weight) = (Temperature, Weight);
        int n = outputs.Length;
        Span<double> s = stackalloc double[n];
        Probabilities.Softmax(outputs, 1, s);
        double loss = -Math.Log(Math.Max(s[label], 1e-300));
        for (int k = 0; k < n; k++) gradient[k] = s[k] - (k == label ? 1 : 0);
        if (teacherSoft.IsEmpty) return loss;
        int c = teacherSoft.Length;
        Span<double> q = stackalloc double[c];
        Probabilities.Softmax(outputs[..c], temperature, q);
        double kl = 0;
        for (int k = 0; k < c; k++)
        {
            if (teacherSoft[k] > 0) kl += teacherSoft[k] * (Math.Log(teacherSoft[k]) - Math.Log(Math.Max(q[k], 1e-300)));
            gradient[k] += weight / temperature * (q[k] - teacherSoft[k]);
        }
        return loss + weight * kl;
    }
}

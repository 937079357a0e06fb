using Qtl.Model;

namespace Qtl.Distillation;

/// <summary>
/// The knowledge-distillation loss of one sample, (1−λ)·CE(s, y) + λ·T²·KL(softmax(t/T) ‖ softmax(s/T)),
/// and its gradient with respect to the student's logits s. Without a teacher the loss is CE alone.
/// </summary>
public sealed record KdLoss(double Temperature, double Lambda) : ILoss
{
    public double Compute(ReadOnlySpan<double> studentLogits, int label, ReadOnlySpan<double> teacherSoft, Span<double> gradient)
    {
        var (temperature, lambda) = (Temperature, Lambda);
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

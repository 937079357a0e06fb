namespace Qtl.Model;

/// <summary>Adam (Kingma & Ba) with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8, and PyTorch's (coupled L2) weight decay, 0 by default.</summary>
public sealed class Adam
{
    public const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly IReadOnlyList<Parameter> _parameters;

    public Adam(IReadOnlyList<Parameter> parameters)
    {
        _parameters = parameters;
        FirstMoments = parameters.Select(p => new double[p.Value.Length]).ToArray();
        SecondMoments = parameters.Select(p => new double[p.Value.Length]).ToArray();
    }

    public long Steps { get; private set; }
    public double[][] FirstMoments { get; }
    public double[][] SecondMoments { get; }

    /// <param name="weightDecay">λ of an L2 penalty λ/2·‖w‖²: λ·w joins the gradient; at 0 the step is exactly the one without it.</param>
    public void Step(double learningRate, double weightDecay = 0)
    {
        Steps++;
        double c1 = 1 - Math.Pow(Beta1, Steps), c2 = 1 - Math.Pow(Beta2, Steps);
        for (int j = 0; j < _parameters.Count; j++)
        {
            var (value, grad, m, v) = (_parameters[j].Value, _parameters[j].Gradient, FirstMoments[j], SecondMoments[j]);
            for (int i = 0; i < value.Length; i++)
            {
                double g = weightDecay == 0 ? grad[i] : grad[i] + weightDecay * value[i];
                m[i] = Beta1 * m[i] + (1 - Beta1) * g;
                v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
                value[i] -= learningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + Epsilon);
            }
        }
    }

    /// <summary>Restores the optimiser state saved in a checkpoint.</summary>
    public void Restore(long steps, double[][] first, double[][] second)
    {
        Steps = steps;
        for (int j = 0; j < first.Length; j++)
        {
            first[j].CopyTo(FirstMoments[j], 0);
            second[j].CopyTo(SecondMoments[j], 0);
        }
    }
}

namespace Qtl.Model;

/// <summary>Softmax cross-entropy of class logits; a soft target, if given, is ignored.</summary>
public sealed class CrossEntropyLoss : ILoss
{
    public static readonly CrossEntropyLoss Instance = new();

    public double Compute(ReadOnlySpan<double> outputs, int label, ReadOnlySpan<double> softTarget, Span<double> gradient)
    {
        Probabilities.Softmax(outputs, 1, gradient);
        double loss = -Math.Log(Math.Max(gradient[label], 1e-300));
        gradient[label] -= 1;
        return loss;
    }
}

namespace Qtl.Model;

/// <summary>
/// A training loss, sample by sample: the trainer averages it over the batch. Implementations: cross-entropy
/// (transfer heads), <c>KdLoss</c> (our distillation), <c>PaperLoss</c> (the published protocol's).
/// </summary>
public interface ILoss
{
    /// <summary>
    /// The loss of one sample with model outputs <paramref name="outputs"/>, its label and (empty without a teacher)
    /// its soft target; writes dLoss/doutputs into <paramref name="gradient"/>.
    /// </summary>
    double Compute(ReadOnlySpan<double> outputs, int label, ReadOnlySpan<double> softTarget, Span<double> gradient);
}

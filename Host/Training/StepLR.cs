namespace Qtl.Training;

/// <summary>
/// PyTorch's StepLR: <see cref="Initial"/> × <see cref="Gamma"/>^⌊epoch / <see cref="StepSize"/>⌋. The defaults
/// give a constant rate (γ^0 = 1 exactly, so the rate keeps its bits).
/// </summary>
public sealed record StepLR(double Initial, int StepSize = int.MaxValue, double Gamma = 1)
{
    /// <summary>The rate in a given (0-based) epoch.</summary>
    public double At(int epoch) => Initial * Math.Pow(Gamma, epoch / StepSize);
}

namespace Qtl.Quantum.Gradients;

/// <summary>
/// A parameter-shift estimate of ∂f/∂θ: Scale · [f(θ + Shift) − f(θ − Shift)], every shifted circuit run afresh
/// (with shots, fresh shots). For a rotation RY(θ) the bracket is 2 sin(Shift) · ∂f/∂θ exactly.
/// </summary>
public sealed record ShiftRule(string Name, double Shift, double Scale)
{
    /// <summary>The published distillation code (arXiv:2311.13810): shift π/4, not divided by 2 sin(π/4), so √2 × the derivative.</summary>
    public static readonly ShiftRule Paper = new("paper", Math.PI / 4, 1);

    /// <summary>The exact rule for RY: shift π/2, divided by 2 sin(π/2) = 2.</summary>
    public static readonly ShiftRule Exact = new("exact", Math.PI / 2, 0.5);

    public string Describe() => Name == "paper"
        ? "shift π/4, f(θ+s) − f(θ−s) not divided by 2 sin s (√2 × the derivative)"
        : "shift π/2, [f(θ+s) − f(θ−s)]/2 (exact for RY)";
}

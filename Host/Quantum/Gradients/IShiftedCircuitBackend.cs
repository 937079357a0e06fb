namespace Qtl.Quantum.Gradients;

/// <summary>
/// A backend that builds the parameter-shift circuits itself, so the host sends each
/// sample's angles once rather than 1 + 2(n + W) copies. The Q# backend does, because a
/// QDK call's cost grows with the size of its argument expression.
/// </summary>
public interface IShiftedCircuitBackend : IQuantumBackend
{
    /// <summary>
    /// Evaluates the circuits of <see cref="ParameterShift.Expand"/>(<paramref name="batch"/>),
    /// in that order, exactly (0 shots) or from <paramref name="shots"/> shots each.
    /// </summary>
    BatchResult EvaluateShifted(CircuitBatch batch, int shots = 0);
}

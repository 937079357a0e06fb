namespace Qtl.Hardware;

/// <summary>
/// What it takes to run the circuit fault-tolerantly on one qubit model: the QDK estimator's logical
/// and physical qubits, runtime and T-state production, for <see cref="Runs"/> executions (1 = one shot).
/// </summary>
public sealed record ResourceEstimate(
    string Model, string QecScheme, int CircuitQubits, int LogicalQubits, int CodeDistance, long PhysicalQubits,
    double RuntimeNs, long TStates, int TFactories, int Rotations, int Measurements, long Runs = 1)
{
    /// <summary>
    /// The same machine run <paramref name="runs"/> times back to back (samples × shots): runtime and
    /// T states scale, qubits do not. Each run keeps its own error budget.
    /// </summary>
    public ResourceEstimate Repeated(long runs) =>
        runs >= 1 ? this with { RuntimeNs = RuntimeNs * runs, TStates = TStates * runs, Runs = Runs * runs }
                  : throw new ArgumentOutOfRangeException(nameof(runs), runs, "runs must be 1 or more.");
}

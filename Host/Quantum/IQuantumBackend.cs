namespace Qtl.Quantum;

/// <summary>
/// Evaluates batches of dressed circuits. <c>qsharp</c> runs the Q# kernels on the
/// QDK simulator; <c>native</c> runs the same circuits on a C# state vector.
/// </summary>
public interface IQuantumBackend : IDisposable
{
    /// <summary>"qsharp" or "native".</summary>
    string Name { get; }

    /// <summary>What it supports: gradient methods, exact values, shots, noise.</summary>
    BackendCapabilities Capabilities { get; }

    /// <summary>How a readout with <paramref name="shots"/> (0 = exact) is obtained on this backend, for reports.</summary>
    string DescribeReadout(int shots);

    /// <summary>
    /// Evaluates every circuit of the batch. <paramref name="shots"/> = 0 gives exact
    /// values; a positive count gives frequencies of that many measured shots.
    /// </summary>
    BatchResult Evaluate(CircuitBatch batch, int shots = 0);
}

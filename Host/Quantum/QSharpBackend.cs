using Qtl.Quantum.Gradients;
using Qtl.Runtime;

namespace Qtl.Quantum;

/// <summary>
/// Runs the Q# kernels (QuantumKernels/src) on the QDK simulator through the runtime
/// process: Circuits.EncodedCircuit, the dressed circuit for angle-encoded inputs and the
/// amplitude-encoded circuit for amplitudes. Exact mode reads each final state from a Q# state dump; shots
/// mode runs the circuit and measures every qubit with <c>MeasureEachZ</c>, shot by shot.
/// </summary>
public sealed class QSharpBackend(QdkRuntime runtime) : IShiftedCircuitBackend, IVariationalUnitaryBackend
{
    public string Name => "qsharp";

    public static readonly BackendCapabilities Declared =
        new(BackendKind.QSharp, [GradientMethod.ParameterShift], Exact: true, Shots: true, Noise: false);

    public BackendCapabilities Capabilities => Declared;

    public string DescribeReadout(int shots) => shots == 0 ? "exact (Q# state dump)" : $"{shots} shots of Q# measurement (MeasureEachZ)";

    public QdkRuntime Runtime { get; } = runtime;

    public BatchResult Evaluate(CircuitBatch batch, int shots = 0) =>
        Run(shifted: false, batch, 1, shots);

    /// <summary>The parameter-shift circuits, built by the Q# kernels (ParameterShift.qs).</summary>
    public BatchResult EvaluateShifted(CircuitBatch batch, int shots = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Run(shifted: true, batch, ParameterShift.CircuitsPerSample(batch.Shape), shots);
    }

    /// <summary>The variational blocks' columns U|j⟩, from Q# state dumps (Entry.VariationalColumns).</summary>
    public double[] VariationalColumns(CircuitShape shape, ReadOnlySpan<double> weights) =>
        [.. Runtime.VariationalColumns(shape.Qubits, shape.Entangling, weights.ToArray()).SelectMany(column => column)];

    /// <summary>Sends the batch's rows to the runtime, which returns <paramref name="circuitsPerRow"/> results per row.</summary>
    private BatchResult Run(bool shifted, CircuitBatch batch, int circuitsPerRow, int shots)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var shape = batch.Shape;
        int circuits = batch.Count * circuitsPerRow;
        var z = new double[circuits * shape.Qubits];
        var probabilities = new double[circuits * shape.StateCount];
        var inputs = new CircuitRows(batch.Inputs, shape.InputCount, 0, batch.Count);
        var weights = new CircuitRows(batch.Weights, shape.WeightCount, 0, batch.Count);
        var rows = Runtime.Circuits(shape.Qubits, shape.Encoding == InputEncoding.Amplitude, shape.Entangling, inputs, weights, shots, shifted, circuits);
        for (int b = 0; b < rows.Length; b++)
        {
            var p = probabilities.AsSpan(b * shape.StateCount, shape.StateCount);
            rows[b].CopyTo(p);
            BatchResult.ExpectationsFromProbabilities(p, z.AsSpan(b * shape.Qubits, shape.Qubits), shape.Qubits);
        }
        return new BatchResult(shape, circuits, z, probabilities, Name, shots, SourceOf(shots));
    }

    private static string SourceOf(int shots) => shots == 0 ? "exact (Q# state dump)" : "Q# measurement (MeasureEachZ)";

    /// <summary>The runtime belongs to whoever passed it in; disposing a backend leaves it running.</summary>
    public void Dispose() { }
}

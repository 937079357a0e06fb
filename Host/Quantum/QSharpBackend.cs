using System.Text.Json;
using Qtl.Quantum.Gradients;
using Qtl.Runtime;

namespace Qtl.Quantum;

/// <summary>
/// Runs the Q# kernels (QuantumKernels/src) on the QDK simulator through the runtime
/// process. Exact mode reads each final state from a Q# state dump; shots mode runs
/// the circuit and measures every qubit with <c>MeasureEachZ</c>, shot by shot.
/// </summary>
public sealed class QSharpBackend(QdkRuntime runtime) : IShiftedCircuitBackend
{
    public QSharpBackend() : this(QdkRuntime.Shared) { }

    public string Name => "qsharp";

    public QdkRuntime Runtime { get; } = runtime;

    public BatchResult Evaluate(CircuitBatch batch, int shots = 0) =>
        Run(shots == 0 ? "exact" : "shots", batch, 1, shots);

    /// <summary>The parameter-shift circuits, built by the Q# kernels (ParameterShift.qs).</summary>
    public BatchResult EvaluateShifted(CircuitBatch batch, int shots = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Run(shots == 0 ? "shiftedExact" : "shiftedShots", batch, ParameterShift.CircuitsPerSample(batch.Shape), shots);
    }

    /// <summary>Sends the batch's rows to a runtime op that returns <paramref name="circuitsPerRow"/> results per row.</summary>
    private BatchResult Run(string op, CircuitBatch batch, int circuitsPerRow, int shots)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var shape = batch.Shape;
        int circuits = batch.Count * circuitsPerRow;
        var z = new double[circuits * shape.Qubits];
        var probabilities = new double[circuits * shape.StateCount];
        if (circuits == 0)
            return new BatchResult(shape, 0, z, probabilities, Name, shots, SourceOf(shots));

        JsonElement result = Runtime.Request(op, w =>
        {
            w.WriteNumber("qubits", shape.Qubits);
            WriteRows(w, "inputs", batch.Inputs, shape.Qubits, batch.Count);
            WriteRows(w, "weights", batch.Weights, shape.WeightCount, batch.Count);
            if (shots > 0) w.WriteNumber("shots", shots);
        });

        var rows = result.GetProperty(shots == 0 ? "probabilities" : "counts");
        if (rows.GetArrayLength() != circuits)
            throw new RuntimeException("runtime", $"the QDK returned {rows.GetArrayLength()} results for {circuits} circuits");
        int b = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var p = probabilities.AsSpan(b * shape.StateCount, shape.StateCount);
            int k = 0;
            foreach (var value in row.EnumerateArray())
                p[k++] = shots == 0 ? value.GetDouble() : value.GetInt32() / (double)shots;
            BatchResult.ExpectationsFromProbabilities(p, z.AsSpan(b * shape.Qubits, shape.Qubits), shape.Qubits);
            b++;
        }
        return new BatchResult(shape, circuits, z, probabilities, Name, shots, SourceOf(shots));
    }

    private static string SourceOf(int shots) => shots == 0 ? "exact (Q# state dump)" : "Q# measurement (MeasureEachZ)";

    private static void WriteRows(Utf8JsonWriter w, string name, double[] flat, int width, int count)
    {
        w.WriteStartArray(name);
        for (int b = 0; b < count; b++)
        {
            w.WriteStartArray();
            for (int i = 0; i < width; i++)
                w.WriteNumberValue(flat[b * width + i]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <summary>The runtime is shared; disposing a backend leaves it running.</summary>
    public void Dispose() { }
}

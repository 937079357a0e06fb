namespace Qtl.Quantum;

/// <summary>
/// A batch of dressed circuits of one shape, stored flat: circuit b reads
/// inputs[b*n .. b*n+n) and weights[b*W .. b*W+W).
/// </summary>
public sealed class CircuitBatch
{
    public CircuitBatch(CircuitShape shape, double[] inputs, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (inputs.Length % shape.Qubits != 0)
            throw new ArgumentException($"inputs length {inputs.Length} is not a multiple of {shape.Qubits} qubits.", nameof(inputs));
        Count = inputs.Length / shape.Qubits;
        if (weights.Length != Count * shape.WeightCount)
            throw new ArgumentException(
                $"weights length {weights.Length} does not match {Count} circuits × {shape.WeightCount} weights.", nameof(weights));
        CheckFinite(inputs, nameof(inputs));
        CheckFinite(weights, nameof(weights));
        Shape = shape;
        Inputs = inputs;
        Weights = weights;
    }

    public CircuitShape Shape { get; }
    public int Count { get; }
    public double[] Inputs { get; }
    public double[] Weights { get; }

    public ReadOnlySpan<double> InputsOf(int circuit) => Inputs.AsSpan(circuit * Shape.Qubits, Shape.Qubits);
    public ReadOnlySpan<double> WeightsOf(int circuit) => Weights.AsSpan(circuit * Shape.WeightCount, Shape.WeightCount);

    /// <summary>One circuit per row of <paramref name="inputs"/>, all sharing <paramref name="weights"/>.</summary>
    public static CircuitBatch SharedWeights(CircuitShape shape, IReadOnlyList<double[]> inputs, double[] weights)
    {
        var flatInputs = new double[inputs.Count * shape.Qubits];
        var flatWeights = new double[inputs.Count * shape.WeightCount];
        for (int b = 0; b < inputs.Count; b++)
        {
            if (inputs[b].Length != shape.Qubits)
                throw new ArgumentException($"sample {b} has {inputs[b].Length} inputs; the circuit has {shape.Qubits} qubits.");
            inputs[b].CopyTo(flatInputs, b * shape.Qubits);
            weights.CopyTo(flatWeights, b * shape.WeightCount);
        }
        return new CircuitBatch(shape, flatInputs, flatWeights);
    }

    private static void CheckFinite(double[] values, string name)
    {
        int bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException($"{name}[{bad}] is {values[bad]}; every angle must be a finite number.", name);
    }
}

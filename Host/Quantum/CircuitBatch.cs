namespace Qtl.Quantum;

/// <summary>
/// A batch of circuits of one shape, stored flat: with I = <see cref="CircuitShape.InputCount"/>, circuit b
/// reads inputs[b*I .. b*I+I) and weights[b*W .. b*W+W).
/// </summary>
public sealed class CircuitBatch
{
    public CircuitBatch(CircuitShape shape, double[] inputs, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int perCircuit = shape.InputCount;
        if (inputs.Length % perCircuit != 0)
            throw new ArgumentException($"inputs length {inputs.Length} is not a multiple of {perCircuit} " +
                $"{(shape.Encoding == InputEncoding.Angle ? "qubits" : "amplitudes")}.", nameof(inputs));
        Count = inputs.Length / perCircuit;
        if (weights.Length != Count * shape.WeightCount)
            throw new ArgumentException(
                $"weights length {weights.Length} does not match {Count} circuits × {shape.WeightCount} weights.", nameof(weights));
        CheckFinite(inputs, nameof(inputs));
        CheckFinite(weights, nameof(weights));
        if (shape.Encoding == InputEncoding.Amplitude) CheckUnitNorm(inputs, perCircuit);
        Shape = shape;
        Inputs = inputs;
        Weights = weights;
    }

    public CircuitShape Shape { get; }
    public int Count { get; }
    public double[] Inputs { get; }
    public double[] Weights { get; }

    public ReadOnlySpan<double> InputsOf(int circuit) => Inputs.AsSpan(circuit * Shape.InputCount, Shape.InputCount);
    public ReadOnlySpan<double> WeightsOf(int circuit) => Weights.AsSpan(circuit * Shape.WeightCount, Shape.WeightCount);

    /// <summary>One circuit per row of <paramref name="inputs"/>, all sharing <paramref name="weights"/>.</summary>
    public static CircuitBatch SharedWeights(CircuitShape shape, IReadOnlyList<double[]> inputs, double[] weights)
    {
        int perCircuit = shape.InputCount;
        var flatInputs = new double[inputs.Count * perCircuit];
        var flatWeights = new double[inputs.Count * shape.WeightCount];
        for (int b = 0; b < inputs.Count; b++)
        {
            if (inputs[b].Length != perCircuit)
                throw new ArgumentException($"sample {b} has {inputs[b].Length} inputs; a {shape} circuit takes {perCircuit}.");
            inputs[b].CopyTo(flatInputs, b * perCircuit);
            weights.CopyTo(flatWeights, b * shape.WeightCount);
        }
        return new CircuitBatch(shape, flatInputs, flatWeights);
    }

    /// <summary>State preparation needs a unit vector; the encoders normalise, so anything else is a caller's mistake.</summary>
    private static void CheckUnitNorm(double[] inputs, int size)
    {
        for (int start = 0; start < inputs.Length; start += size)
        {
            double norm = 0;
            for (int k = start; k < start + size; k++) norm += inputs[k] * inputs[k];
            if (Math.Abs(norm - 1) > 1e-9)
                throw new ArgumentException($"amplitudes of circuit {start / size} have squared norm {norm}; amplitude encoding needs a unit vector.", nameof(inputs));
        }
    }

    private static void CheckFinite(double[] values, string name)
    {
        int bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException($"{name}[{bad}] is {values[bad]}; every angle must be a finite number.", name);
    }
}

using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Model;

/// <summary>
/// A circuit as a layer, for every model: its inputs (n angles, or 2^n amplitudes) → its outputs (⟨Z_i⟩ per
/// qubit, or 2^n probabilities), by the shape. In training, the forward pass also computes the circuit's
/// Jacobian (parameter-shift in one backend call, or adjoint on the native engine), which the backward
/// pass contracts with dLoss/doutputs.
/// </summary>
public sealed class QuantumLayer : ILayer
{
    private CircuitGradients? _jacobian;
    private int _shots;

    /// <param name="rule">The parameter-shift rule; null is the exact one.</param>
    public QuantumLayer(CircuitShape shape, IQuantumBackend backend, GradientMethod gradientMethod, double[] initialWeights, ShiftRule? rule = null)
    {
        if (initialWeights.Length != shape.WeightCount)
            throw new ArgumentException($"{initialWeights.Length} circuit weights given; {shape} needs {shape.WeightCount}.");
        if (!backend.Capabilities.Supports(gradientMethod))
            throw new ArgumentException($"backend '{backend.Name}' does not support gradient '{gradientMethod.Text()}'.", nameof(gradientMethod));
        Shape = shape;
        Backend = backend;
        GradientMethod = gradientMethod;
        Rule = rule ?? ShiftRule.Exact;
        Weights = new Parameter("circuit.weights", initialWeights);
    }

    public CircuitShape Shape { get; }
    public IQuantumBackend Backend { get; }
    public GradientMethod GradientMethod { get; }
    public ShiftRule Rule { get; }
    public Parameter Weights { get; }

    /// <summary>
    /// Shots per circuit (0 = exact), in inference and in training: with shots, every circuit of the
    /// parameter-shift batch is estimated from that many shots, as on hardware. Adjoint
    /// differentiation reads the exact state, which shots never give, so it refuses shots.
    /// </summary>
    public int Shots
    {
        get => _shots;
        set => _shots = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "shots must be 0 (exact) or more.");
    }

    public IReadOnlyList<Parameter> Parameters => [Weights];
    public string Describe() => $"Q# circuit({Shape}, {Backend.Name})";

    /// <summary>Initial circuit weights q_delta · N(0, 1), as in the published recipe.</summary>
    public static double[] InitialWeights(CircuitShape shape, double qDelta, Random rng) =>
        Enumerable.Range(0, shape.WeightCount).Select(_ => qDelta * Gaussian(rng)).ToArray();

    public double[][] Forward(double[][] input, bool training)
    {
        var batch = CircuitBatch.SharedWeights(Shape, input, Weights.Value);
        double[] outputs;
        if (training)
        {
            if (GradientMethod == GradientMethod.Adjoint && Shots > 0)
                throw new InvalidOperationException($"training with {Shots} shots needs gradient '{GradientMethod.ParameterShift.Text()}': " +
                    "adjoint differentiation reads the exact state, which no shot-based device gives; use --gradient parameter-shift or --shots 0.");
            _jacobian = GradientMethod == GradientMethod.Adjoint ? Adjoint.Compute(batch) : ParameterShift.Compute(Backend, batch, Shots, Rule);
            outputs = _jacobian.Outputs;
        }
        else
        {
            outputs = Backend.Evaluate(batch, Shots).Outputs;
        }
        int o = Shape.OutputCount;
        return Enumerable.Range(0, batch.Count).Select(b => outputs.AsSpan(b * o, o).ToArray()).ToArray();
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var jac = _jacobian ?? throw new InvalidOperationException("Backward called before a training Forward.");
        var inputGradient = new double[outputGradient.Length][];
        for (int b = 0; b < outputGradient.Length; b++)
        {
            inputGradient[b] = new double[Shape.InputCount];
            jac.Backpropagate(b, outputGradient[b], inputGradient[b], Weights.Gradient);
        }
        return inputGradient;
    }

    private static double Gaussian(Random rng)
    {
        // Box–Muller; 1 − U keeps the logarithm finite.
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

namespace Qtl.Quantum.Gradients;

/// <summary>
/// The outputs of a batch (⟨Z_i⟩ or probabilities, by the shape's readout) and their derivatives, flat so a
/// training step can read them without copies. With I inputs, W weights and O outputs per circuit, for sample b:
/// <list type="bullet">
/// <item>Outputs[b*O + o];</item>
/// <item>DInputs[(b*I + input)*O + o] = ∂output_o/∂inputs[input];</item>
/// <item>DWeights[(b*W + weight)*O + o] = ∂output_o/∂weights[weight].</item>
/// </list>
/// Rows are per parameter, columns per output, so backpropagation is one small matrix-vector product.
/// </summary>
public sealed record CircuitGradients(CircuitShape Shape, int Count, double[] Outputs, double[] DInputs, double[] DWeights)
{
    /// <summary>Allocates zeroed storage for <paramref name="count"/> samples.</summary>
    public static CircuitGradients Allocate(CircuitShape shape, int count)
    {
        int o = shape.OutputCount;
        return new CircuitGradients(shape, count, new double[count * o], new double[count * shape.InputCount * o],
            new double[count * shape.WeightCount * o]);
    }

    /// <summary>The outputs of sample b.</summary>
    public ReadOnlySpan<double> OutputsOf(int sample) => Outputs.AsSpan(sample * Shape.OutputCount, Shape.OutputCount);

    /// <summary>I×O block of sample b: row = input index, column = output.</summary>
    public ReadOnlySpan<double> DInputsOf(int sample) =>
        DInputs.AsSpan(sample * Shape.InputCount * Shape.OutputCount, Shape.InputCount * Shape.OutputCount);

    /// <summary>W×O block of sample b: row = weight index, column = output.</summary>
    public ReadOnlySpan<double> DWeightsOf(int sample) =>
        DWeights.AsSpan(sample * Shape.WeightCount * Shape.OutputCount, Shape.WeightCount * Shape.OutputCount);

    /// <summary>∂output/∂inputs[input] of sample b.</summary>
    public double DInputAt(int sample, int input, int output) => DInputs[(sample * Shape.InputCount + input) * Shape.OutputCount + output];

    /// <summary>∂output/∂weights[weight] of sample b.</summary>
    public double DWeightAt(int sample, int weight, int output) => DWeights[(sample * Shape.WeightCount + weight) * Shape.OutputCount + output];

    /// <summary>
    /// Contracts sample b's Jacobian with dL/doutputs: adds dL/dweights into <paramref name="weightGradient"/>
    /// and writes dL/dinputs into <paramref name="inputGradient"/>.
    /// </summary>
    public void Backpropagate(int sample, ReadOnlySpan<double> outputGradient, Span<double> inputGradient, Span<double> weightGradient)
    {
        Contract(DWeightsOf(sample), outputGradient, weightGradient, accumulate: true);
        Contract(DInputsOf(sample), outputGradient, inputGradient, accumulate: false);
    }

    private static void Contract(ReadOnlySpan<double> rows, ReadOnlySpan<double> g, Span<double> result, bool accumulate)
    {
        int o = g.Length;
        for (int k = 0; k < result.Length; k++)
        {
            double sum = 0;
            for (int i = 0; i < o; i++) sum += g[i] * rows[k * o + i];
            result[k] = accumulate ? result[k] + sum : sum;
        }
    }
}

namespace Qtl.Quantum.Gradients;

/// <summary>
/// ⟨Z_i⟩ of a batch and their derivatives, flat so a training step can read them without copies.
/// With n qubits and W weights, for sample b:
/// <list type="bullet">
/// <item>Expectations[b*n + qubit] = ⟨Z_qubit⟩;</item>
/// <item>DzDx[(b*n + input)*n + qubit] = ∂⟨Z_qubit⟩/∂inputs[input];</item>
/// <item>DzDw[(b*W + weight)*n + qubit] = ∂⟨Z_qubit⟩/∂weights[weight].</item>
/// </list>
/// Rows are per parameter, columns per qubit, so backpropagation is one small matrix-vector product.
/// </summary>
public sealed record CircuitGradients(CircuitShape Shape, int Count, double[] Expectations, double[] DzDx, double[] DzDw)
{
    /// <summary>Allocates zeroed storage for <paramref name="count"/> samples.</summary>
    public static CircuitGradients Allocate(CircuitShape shape, int count)
    {
        int n = shape.Qubits;
        return new CircuitGradients(shape, count, new double[count * n], new double[count * n * n],
            new double[count * shape.WeightCount * n]);
    }

    /// <summary>⟨Z_i⟩ of sample b, one per qubit.</summary>
    public ReadOnlySpan<double> ExpectationsOf(int sample) => Expectations.AsSpan(sample * Shape.Qubits, Shape.Qubits);

    /// <summary>n×n block of sample b: row = input index, column = qubit.</summary>
    public ReadOnlySpan<double> DzDxOf(int sample)
    {
        int block = Shape.Qubits * Shape.Qubits;
        return DzDx.AsSpan(sample * block, block);
    }

    /// <summary>W×n block of sample b: row = weight index, column = qubit.</summary>
    public ReadOnlySpan<double> DzDwOf(int sample)
    {
        int block = Shape.WeightCount * Shape.Qubits;
        return DzDw.AsSpan(sample * block, block);
    }

    /// <summary>∂⟨Z_qubit⟩/∂inputs[input] of sample b.</summary>
    public double DzDxAt(int sample, int input, int qubit) => DzDx[(sample * Shape.Qubits + input) * Shape.Qubits + qubit];

    /// <summary>∂⟨Z_qubit⟩/∂weights[weight] of sample b.</summary>
    public double DzDwAt(int sample, int weight, int qubit) => DzDw[(sample * Shape.WeightCount + weight) * Shape.Qubits + qubit];
}

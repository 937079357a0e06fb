using Qtl.Quantum.Gradients;
using MathNet.Numerics.LinearAlgebra;
using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Distillation;

/// <summary>A fixed whitened PCA: z = ((x − mean) · V_m) / σ_m, fitted once on the training images.</summary>
public sealed class PcaProjection : ILayer
{
    private readonly double[] _mean;
    private readonly Matrix<double> _projection; // inputs × outputs, whitening included

    public PcaProjection(double[][] images, int components)
    {
        int d = images[0].Length;
        _mean = new double[d];
        foreach (var x in images) for (int j = 0; j < d; j++) _mean[j] += x[j] / images.Length;
        var centered = Matrix<double>.Build.Dense(images.Length, d, (i, j) => images[i][j] - _mean[j]);
        var svd = centered.Svd(computeVectors: true);
        int m = Math.Min(components, Math.Min(images.Length, d));
        _projection = Matrix<double>.Build.Dense(d, components);
        for (int k = 0; k < m; k++)
        {
            double sigma = svd.S[k] / Math.Sqrt(Math.Max(1, images.Length - 1));
            if (sigma < 1e-12) continue;
            for (int j = 0; j < d; j++) _projection[j, k] = svd.VT[k, j] / sigma;
        }
        Outputs = components;
    }

    public int Outputs { get; }
    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => $"PCA(784→{Outputs}, whitened, fixed)";

    public double[][] Forward(double[][] input, bool training)
    {
        var x = Matrix<double>.Build.Dense(input.Length, _mean.Length, (i, j) => input[i][j] - _mean[j]);
        return (x * _projection).ToRowArrays();
    }

    public double[][] Backward(double[][] outputGradient) =>
        (Matrix<double>.Build.DenseOfRowArrays(outputGradient) * _projection.Transpose()).ToRowArrays();
}

/// <summary>What a forward pass of the student computed, kept for the backward pass.</summary>
public sealed record StudentPass(double[][] FrontEnd, double[][] Probabilities, double[][] Logits);

/// <summary>
/// The student: front-end (784 → encoding size), tanh encoding, quantum circuit (a <see cref="QuantumLayer"/> with
/// the basis-state probabilities as readout), readout of the first C probabilities as log class probabilities.
/// Gradients flow through every stage.
/// </summary>
public sealed class StudentModel
{
    public StudentModel(CircuitShape shape, int classes, FrontEnd frontEnd, double[][] trainImages,
        IQuantumBackend backend, GradientMethod gradientMethod, Random rng)
    {
        if (shape.Readout != CircuitReadout.Probabilities)
            throw new ArgumentException($"a student reads basis-state probabilities; got a {shape} circuit.", nameof(shape));
        if (classes > shape.StateCount)
            throw new ArgumentException($"{classes} classes need {classes} basis states; {shape.Qubits} qubits have {shape.StateCount}.");
        Classes = classes;
        Front = frontEnd == FrontEnd.Pca
            ? new PcaProjection(trainImages, shape.InputCount)
            : new Linear("front", trainImages[0].Length, shape.InputCount, rng);
        // As the published students: weights U(0, 2π).
        Circuit = new QuantumLayer(shape, backend, gradientMethod,
            Enumerable.Range(0, shape.WeightCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray());
    }

    public CircuitShape Shape => Circuit.Shape;
    public int Classes { get; }
    public ILayer Front { get; }
    public QuantumLayer Circuit { get; }
    public IReadOnlyList<Parameter> Parameters => [.. Front.Parameters, Circuit.Weights];
    public int ParameterCount => Parameters.Sum(p => p.Value.Length);

    public string Describe() => $"{Front.Describe()} → tanh → {Shape.Qubits} qubits, depth {Shape.Depth}, " +
        $"{Shape.Encoding.Text()} encoding → first {Classes} of {Shape.StateCount} basis-state probabilities";

    public StudentPass Forward(double[][] images, bool training)
    {
        var z = Front.Forward(images, training);
        var inputs = z.Select(row => Encoding.Forward(Shape.Encoding, row)).ToArray();
        var p = Circuit.Forward(inputs, training);
        var logits = new double[images.Length][];
        for (int b = 0; b < images.Length; b++)
        {
            logits[b] = new double[Classes];
            Readout.Logits(p[b], logits[b]);
        }
        return new StudentPass(z, p, logits);
    }

    /// <summary>Accumulates parameter gradients from dL/dlogits of the last training forward pass.</summary>
    public void Backward(StudentPass pass, double[][] dLogits)
    {
        var dp = new double[dLogits.Length][];
        for (int b = 0; b < dLogits.Length; b++)
        {
            dp[b] = new double[Shape.StateCount];
            Readout.Backward(pass.Probabilities[b], dLogits[b], dp[b]);
        }
        var dInputs = Circuit.Backward(dp);
        var dz = new double[dLogits.Length][];
        for (int b = 0; b < dz.Length; b++) dz[b] = Encoding.Backward(Shape.Encoding, pass.FrontEnd[b], dInputs[b]);
        Front.Backward(dz);
    }
}

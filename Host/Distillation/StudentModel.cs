using Qtl.Quantum.Gradients;
using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Distillation;

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
        var inputs = z.Select(row => StudentEncoder.Forward(Shape.Encoding, row)).ToArray();
        var p = Circuit.Forward(inputs, training);
        var logits = new double[images.Length][];
        for (int b = 0; b < images.Length; b++)
        {
            logits[b] = new double[Classes];
            ClassReadout.Logits(p[b], logits[b]);
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
            ClassReadout.Backward(pass.Probabilities[b], dLogits[b], dp[b]);
        }
        var dInputs = Circuit.Backward(dp);
        var dz = new double[dLogits.Length][];
        for (int b = 0; b < dz.Length; b++) dz[b] = StudentEncoder.Backward(Shape.Encoding, pass.FrontEnd[b], dInputs[b]);
        Front.Backward(dz);
    }
}

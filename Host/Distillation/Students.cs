using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Distillation;

/// <summary>
/// Our distilled student as a sequence of layers: front-end (784 → the circuit's input count; trainable linear or
/// fixed PCA) → <see cref="StudentEncoder"/> → the circuit (a <see cref="QuantumLayer"/> with the basis-state
/// probabilities as readout) → <see cref="ClassReadout"/> (log class probabilities).
/// </summary>
public static class Students
{
    public static Head Create(CircuitShape shape, int classes, FrontEnd frontEnd, double[][] trainImages,
        IQuantumBackend backend, GradientMethod gradientMethod, Random rng, int shots = 0)
    {
        if (shape.Readout != CircuitReadout.Probabilities)
            throw new ArgumentException($"a student reads basis-state probabilities; got a {shape} circuit.", nameof(shape));
        if (classes > shape.StateCount)
            throw new ArgumentException($"{classes} classes need {classes} basis states; {shape.Qubits} qubits have {shape.StateCount}.");
        ILayer front = frontEnd == FrontEnd.Pca
            ? new PcaProjection(trainImages, shape.InputCount)
            : new Linear("front", trainImages[0].Length, shape.InputCount, rng);
        // As the published students: weights U(0, 2π).
        var weights = Enumerable.Range(0, shape.WeightCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        return new Head([front, new StudentEncoder(shape.Encoding), new QuantumLayer(shape, backend, gradientMethod, weights) { Shots = shots }, new ClassReadout(classes)]);
    }

    /// <summary>The front-end's parameters and the circuit's, each with its own Adam and learning rate.</summary>
    public static ParameterGroup[] Groups(Head student, double frontEndRate, double circuitRate) =>
    [
        new("front-end", student.Layers[0].Parameters, new StepLR(frontEndRate)),
        new("circuit", [.. student.Layers.OfType<QuantumLayer>().SelectMany(q => q.Parameters)], new StepLR(circuitRate)),
    ];
}

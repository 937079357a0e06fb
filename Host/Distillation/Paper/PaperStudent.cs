using Qtl.Model;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;

namespace Qtl.Distillation.Paper;

/// <summary>
/// The published student: Conv2d(1,10,5) → maxpool 2 → ReLU → Conv2d(10,20,5) → Dropout2d(0.5) → maxpool 2 → ReLU
/// → Linear(320,50) → ReLU → Dropout(0.5) → Linear(50,n) → π·tanh → <see cref="PaperCircuit"/> → fixed head.
/// Input: 28×28 pixels in [0, 1].
/// </summary>
public sealed class PaperStudent
{
    /// <param name="dropout">0.5 in the paper; 0 makes training passes deterministic (finite-difference tests).</param>
    public PaperStudent(int qubits, int depth, PaperHead head, IQuantumBackend backend, int shots, ShiftRule rule, Random rng, double dropout = 0.5)
    {
        Front = new Head([
            new Conv2d("conv1", 1, 10, 5, 28, 28, rng, inputGradient: false), new MaxPool2d(10, 24, 24), new Relu(),
            new Conv2d("conv2", 10, 20, 5, 12, 12, rng), new Dropout(dropout, rng, groupSize: 8 * 8), new MaxPool2d(20, 8, 8), new Relu(),
            new Linear("fc1", 320, 50, rng), new Relu(), new Dropout(dropout, rng),
            new Linear("fc2", 50, qubits, rng), new Tanh(Math.PI),
        ]);
        Circuit = new PaperCircuit(qubits, depth, backend, shots, rule, rng);
        HeadKind = head;
    }

    public Head Front { get; }
    public PaperCircuit Circuit { get; }
    public PaperHead HeadKind { get; }
    public IReadOnlyList<Parameter> Parameters => [.. Front.Parameters, Circuit.Weights];
    public int ParameterCount => Parameters.Sum(p => p.Value.Length);

    public string Describe() => $"{Front.Describe()} → {Circuit.Describe()} → {(HeadKind == PaperHead.Softmax ? "softmax(p)" : "[sigmoid(p), 1 − sigmoid(p)]")}";

    /// <summary>The head's outputs per image; the layers keep what their backward passes need.</summary>
    public double[][] Forward(double[][] images, bool training) =>
        [.. Circuit.Forward(Front.Forward(images, training), training).Select(p => PaperHeads.Forward(HeadKind, p))];

    /// <summary>Accumulates every parameter's gradient from dL/doutputs of the last training forward pass, which gave <paramref name="outputs"/>.</summary>
    public void Backward(double[][] outputs, double[][] dOutputs)
    {
        var dp = outputs.Select((o, b) => PaperHeads.Backward(HeadKind, o, dOutputs[b])).ToArray();
        Front.Backward(Circuit.Backward(dp));
    }

    public void ZeroGradients()
    {
        foreach (var p in Parameters) p.ZeroGradient();
    }
}

using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Distillation.Paper;

/// <summary>
/// The published student as a sequence of layers: Conv2d(1,10,5) → maxpool 2 → ReLU → Conv2d(10,20,5) → Dropout2d(0.5)
/// → maxpool 2 → ReLU → Linear(320,50) → ReLU → Dropout(0.5) → Linear(50,n) → π·tanh → <see cref="PaperCircuit"/>
/// → <see cref="PaperReadout"/>. Input: 28×28 pixels in [0, 1].
/// </summary>
public static class PaperStudent
{
    /// <param name="rng">Draws the initial weights, in the layers' order, then the dropout masks of every training pass.</param>
    /// <param name="dropout">0.5 in the paper; 0 makes training passes deterministic (finite-difference tests).</param>
    public static Head Create(int qubits, int depth, PaperHead head, IQuantumBackend backend, int shots, ShiftRule rule, Random rng, double dropout = 0.5) => new(
    [
        new Conv2d("conv1", 1, 10, 5, 28, 28, rng, inputGradient: false), new MaxPool2d(10, 24, 24), new Relu(),
        new Conv2d("conv2", 10, 20, 5, 12, 12, rng), new Dropout(dropout, rng, groupSize: 8 * 8), new MaxPool2d(20, 8, 8), new Relu(),
        new Linear("fc1", 320, 50, rng), new Relu(), new Dropout(dropout, rng),
        new Linear("fc2", 50, qubits, rng), new Tanh(Math.PI),
        new PaperCircuit(qubits, depth, backend, shots, rule, rng),
        new PaperReadout(head),
    ]);
}

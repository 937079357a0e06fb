using Qtl.Quantum.Gradients;
using Qtl.Distillation.Paper;
using Qtl.Quantum;

namespace Qtl.Tests.Distillation.Paper;

/// <summary>The published circuit (H + RY, Circuits.qs at depth 0) on the QDK against the native engine.</summary>
[Integration]
public class PaperQSharpTests
{
    [TestCase(3, 0)]
    [TestCase(4, 0)]
    [TestCase(3, 1)]
    public void ExactReadoutAndShiftGradientsEqualNative(int qubits, int depth)
    {
        var rng = new Random(qubits + 10 * depth);
        var angles = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, qubits).Select(_ => rng.NextDouble() * 6 - 3).ToArray()).ToArray();
        var g = angles.Select(_ => Enumerable.Range(0, 1 << qubits).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var native = new PaperCircuit(qubits, depth, new NativeBackend(1), 0, ShiftRule.Paper, new Random(3));
        var qsharp = new PaperCircuit(qubits, depth, new QSharpBackend(QdkSession.Runtime), 0, ShiftRule.Paper, new Random(3));

        var pn = native.Forward(angles, training: true);
        var pq = qsharp.Forward(angles, training: true);
        for (int b = 0; b < angles.Length; b++) Assert.That(pq[b], Is.EqualTo(pn[b]).Within(1e-10), $"probabilities of sample {b}");
        var dn = native.Backward(g);
        var dq = qsharp.Backward(g);
        for (int b = 0; b < angles.Length; b++) Assert.That(dq[b], Is.EqualTo(dn[b]).Within(1e-10), $"dθ of sample {b}");
        Assert.That(qsharp.Weights.Gradient, Is.EqualTo(native.Weights.Gradient).Within(1e-10));
    }

    [Test]
    public void ShotsOnTheQdkAreFrequenciesOfQSharpMeasurements()
    {
        var circuit = new PaperCircuit(3, 0, new QSharpBackend(QdkSession.Runtime), 400, ShiftRule.Paper, new Random(1));
        // θ = π/2 on every qubit: RY(π/2)·H|0⟩ = |1⟩, so every shot reads 111 = outcome 7.
        var p = circuit.Forward([[Math.PI / 2, Math.PI / 2, Math.PI / 2]], training: false)[0];
        Assert.That(p[7], Is.EqualTo(1).Within(1e-12));
        var q = circuit.Forward([[0.4, -0.3, 1.0]], training: false)[0];
        Assert.That(q.Sum(), Is.EqualTo(1).Within(1e-12));
        foreach (var v in q) Assert.That(v * 400, Is.EqualTo(Math.Round(v * 400)).Within(1e-9), "counts / shots");
    }
}

using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Distillation.Paper;

/// <summary>
/// The published students' circuit: H on every qubit, RY(θ_k) on qubit k (the dressed circuit at depth 0),
/// optionally followed by trainable [CNOT layers; RY(w)] blocks; every qubit measured. It is a
/// <see cref="QuantumLayer"/> with the probability readout and the run's shift rule, read in Qiskit's order
/// (qubit 0 the least significant bit), the reverse of the backends' order. Gradients are parameter-shift
/// estimates with fresh shots for every shifted circuit.
/// </summary>
public sealed class PaperCircuit : ILayer
{
    private readonly QuantumLayer _layer;

    public PaperCircuit(int qubits, int depth, IQuantumBackend backend, int shots, ShiftRule rule, Random rng)
    {
        var shape = new CircuitShape(qubits, depth, InputEncoding.Angle, CircuitReadout.Probabilities);
        // As the repository's students: weights U(0, 2π).
        var weights = Enumerable.Range(0, shape.WeightCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        _layer = new QuantumLayer(shape, backend, GradientMethod.ParameterShift, weights, rule) { Shots = shots };
    }

    public CircuitShape Shape => _layer.Shape;
    public int Shots => _layer.Shots;
    public ShiftRule Rule => _layer.Rule;
    public Parameter Weights => _layer.Weights;
    public IReadOnlyList<Parameter> Parameters => [Weights];

    public string Describe() => Shape.Depth == 0
        ? $"H + RY(θ) on {Shape.Qubits} qubits, no entangling gate"
        : $"H + RY(θ) on {Shape.Qubits} qubits, then {Shape.Depth} trainable [CNOT; RY(w)] blocks";

    /// <summary>Per sample, the 2^n frequencies (or exact probabilities with 0 shots), qubit 0 least significant.</summary>
    public double[][] Forward(double[][] angles, bool training) => [.. _layer.Forward(angles, training).Select(Reorder)];

    /// <summary>dL/dθ per sample from dL/dp (Qiskit order) of the last training forward pass; adds dL/dw to <see cref="Weights"/>.</summary>
    public double[][] Backward(double[][] dLdp) => _layer.Backward([.. dLdp.Select(Reorder)]);

    /// <summary>Between the two qubit orders; reversing the bits is its own inverse.</summary>
    private double[] Reorder(double[] values)
    {
        var reordered = new double[values.Length];
        for (int j = 0; j < values.Length; j++) reordered[j] = values[ReverseBits(j, Shape.Qubits)];
        return reordered;
    }

    /// <summary>The index with the order of its n low bits reversed (little- ↔ big-endian qubit order).</summary>
    private static int ReverseBits(int index, int bits)
    {
        int r = 0;
        for (int i = 0; i < bits; i++) r |= ((index >> i) & 1) << (bits - 1 - i);
        return r;
    }
}

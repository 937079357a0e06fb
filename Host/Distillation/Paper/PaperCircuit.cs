using Qtl.Model;
using Qtl.Quantum.Students;

namespace Qtl.Distillation.Paper;

/// <summary>
/// The published students' circuit: H on every qubit, RY(θ_k) on qubit k (the dressed circuit of Circuits.qs at
/// depth 0), optionally followed by trainable [CNOT layers; RY(w)] blocks; every qubit measured. The readout is
/// the 2^n frequencies in Qiskit's order (qubit 0 the least significant bit), the reverse of the backends' order.
/// Gradients are parameter-shift estimates with fresh shots for every shifted circuit.
/// </summary>
public sealed class PaperCircuit
{
    private readonly IStudentBackend _backend;

    public PaperCircuit(int qubits, int depth, IStudentBackend backend, int shots, ShiftRule rule, Random rng)
    {
        Shape = new StudentShape(qubits, depth, StudentEncoding.Angle);
        _backend = backend;
        Shots = shots;
        Rule = rule;
        // As the repository's students: weights U(0, 2π).
        Weights = new Parameter("circuit.weights", Enumerable.Range(0, Shape.WeightCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray());
    }

    public StudentShape Shape { get; }
    public int Shots { get; }
    public ShiftRule Rule { get; }
    public Parameter Weights { get; }

    public string Describe() => Shape.Depth == 0
        ? $"H + RY(θ) on {Shape.Qubits} qubits, no entangling gate"
        : $"H + RY(θ) on {Shape.Qubits} qubits, then {Shape.Depth} trainable [CNOT; RY(w)] blocks";

    /// <summary>Per sample, the 2^n frequencies (or exact probabilities with 0 shots), qubit 0 least significant.</summary>
    public double[][] Forward(double[][] angles) => ToPaperOrder(_backend.Probabilities(Shape, angles, Weights.Value, Shots), angles.Length);

    /// <summary>dL/dθ per sample from dL/dp (Qiskit order); adds dL/dw to <see cref="Weights"/>.</summary>
    public double[][] Backward(double[][] angles, double[][] dLdp)
    {
        int n = Shape.Qubits, w = Shape.WeightCount, pairs = n + w;
        var rows = new List<(double[] Inputs, double[] Weights)>(angles.Length * 2 * pairs);
        foreach (var theta in angles)
        {
            for (int k = 0; k < pairs; k++)
                foreach (double sign in (double[])[1, -1])
                {
                    var x = (double[])theta.Clone();
                    var v = (double[])Weights.Value.Clone();
                    if (k < n) x[k] += sign * Rule.Shift;
                    else v[k - n] += sign * Rule.Shift;
                    rows.Add((x, v));
                }
        }
        var p = ToPaperOrder(_backend.Probabilities(Shape, rows, Shots), rows.Count);
        var dAngles = new double[angles.Length][];
        for (int b = 0; b < angles.Length; b++)
        {
            dAngles[b] = new double[n];
            for (int k = 0; k < pairs; k++)
            {
                var (plus, minus) = (p[(b * pairs + k) * 2], p[(b * pairs + k) * 2 + 1]);
                double d = 0;
                for (int j = 0; j < plus.Length; j++) d += dLdp[b][j] * (plus[j] - minus[j]);
                if (k < n) dAngles[b][k] = Rule.Scale * d;
                else Weights.Gradient[k - n] += Rule.Scale * d;
            }
        }
        return dAngles;
    }

    private double[][] ToPaperOrder(double[] flat, int count)
    {
        int size = Shape.StateCount, n = Shape.Qubits;
        var rows = new double[count][];
        for (int b = 0; b < count; b++)
        {
            rows[b] = new double[size];
            for (int j = 0; j < size; j++) rows[b][j] = flat[b * size + ReverseBits(j, n)];
        }
        return rows;
    }

    /// <summary>The index with the order of its n low bits reversed (little- ↔ big-endian qubit order).</summary>
    public static int ReverseBits(int index, int bits)
    {
        int r = 0;
        for (int i = 0; i < bits; i++) r |= ((index >> i) & 1) << (bits - 1 - i);
        return r;
    }
}

using System.Numerics;

namespace Qtl.Tests.Quantum;

/// <summary>
/// A deliberately naive, independent simulator of the dressed circuit: every gate becomes a full
/// complex 2^n×2^n unitary built from Kronecker products (qubit 0 the leftmost factor), and is
/// multiplied into a complex state. Shares no code with the native engine; use for n ≤ 5.
/// </summary>
internal static class DenseReference
{
    private static readonly Complex[,] Identity = { { 1, 0 }, { 0, 1 } };
    private static readonly Complex[,] Hadamard = { { Math.Sqrt(0.5), Math.Sqrt(0.5) }, { Math.Sqrt(0.5), -Math.Sqrt(0.5) } };
    private static readonly Complex[,] PauliX = { { 0, 1 }, { 1, 0 } };
    private static readonly Complex[,] Zero = { { 1, 0 }, { 0, 0 } }; // |0⟩⟨0|
    private static readonly Complex[,] One = { { 0, 0 }, { 0, 1 } };  // |1⟩⟨1|

    public static Complex[,] RY(double t) =>
        new Complex[,] { { Math.Cos(t / 2), -Math.Sin(t / 2) }, { Math.Sin(t / 2), Math.Cos(t / 2) } };

    /// <summary>Final state of the circuit (without <paramref name="entangling"/>: no CNOTs, the separable control).</summary>
    public static Complex[] Run(int n, int depth, double[] inputs, double[] weights, bool entangling = true)
    {
        var state = new Complex[1 << n];
        state[0] = 1;
        for (int q = 0; q < n; q++) state = Apply(OnQubit(n, q, Hadamard), state);
        for (int q = 0; q < n; q++) state = Apply(OnQubit(n, q, RY(inputs[q])), state);
        for (int block = 0; block < depth; block++)
        {
            for (int i = 0; entangling && i + 1 < n; i += 2) state = Apply(Cnot(n, i, i + 1), state);
            for (int i = 1; entangling && i + 1 < n; i += 2) state = Apply(Cnot(n, i, i + 1), state);
            for (int q = 0; q < n; q++) state = Apply(OnQubit(n, q, RY(weights[block * n + q])), state);
        }
        return state;
    }

    public static double[] Probabilities(Complex[] state) => state.Select(a => a.Magnitude * a.Magnitude).ToArray();

    /// <summary>⟨ψ|Z_q|ψ⟩ with Z_q as a full matrix.</summary>
    public static double[] Expectations(int n, Complex[] state)
    {
        var z = new double[n];
        Complex[,] pauliZ = { { 1, 0 }, { 0, -1 } };
        for (int q = 0; q < n; q++)
        {
            var zState = Apply(OnQubit(n, q, pauliZ), state);
            Complex sum = 0;
            for (int k = 0; k < state.Length; k++) sum += Complex.Conjugate(state[k]) * zState[k];
            z[q] = sum.Real;
        }
        return z;
    }

    private static Complex[,] OnQubit(int n, int qubit, Complex[,] gate)
    {
        Complex[,] full = { { 1 } };
        for (int q = 0; q < n; q++) full = Kron(full, q == qubit ? gate : Identity);
        return full;
    }

    /// <summary>CNOT = |0⟩⟨0|_c ⊗ I + |1⟩⟨1|_c ⊗ X_t.</summary>
    private static Complex[,] Cnot(int n, int control, int target)
    {
        Complex[,] keep = { { 1 } }, flip = { { 1 } };
        for (int q = 0; q < n; q++)
        {
            keep = Kron(keep, q == control ? Zero : Identity);
            flip = Kron(flip, q == control ? One : q == target ? PauliX : Identity);
        }
        int size = 1 << n;
        var sum = new Complex[size, size];
        for (int r = 0; r < size; r++)
            for (int c = 0; c < size; c++)
                sum[r, c] = keep[r, c] + flip[r, c];
        return sum;
    }

    private static Complex[,] Kron(Complex[,] a, Complex[,] b)
    {
        int ar = a.GetLength(0), ac = a.GetLength(1), br = b.GetLength(0), bc = b.GetLength(1);
        var result = new Complex[ar * br, ac * bc];
        for (int i = 0; i < ar; i++)
            for (int j = 0; j < ac; j++)
                for (int k = 0; k < br; k++)
                    for (int l = 0; l < bc; l++)
                        result[i * br + k, j * bc + l] = a[i, j] * b[k, l];
        return result;
    }

    private static Complex[] Apply(Complex[,] matrix, Complex[] state)
    {
        var result = new Complex[state.Length];
        for (int r = 0; r < state.Length; r++)
        {
            Complex sum = 0;
            for (int c = 0; c < state.Length; c++) sum += matrix[r, c] * state[c];
            result[r] = sum;
        }
        return result;
    }
}

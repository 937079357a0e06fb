namespace Qtl.Quantum.Students;

/// <summary>
/// The student circuit on a real state vector (every gate is real: RY, CNOT, H), with exact
/// gradients by the adjoint method: one forward pass, then one backward sweep that undoes each
/// gate on the state and carries dL/dψ back through it. Pure functions; the Q# kernels in
/// Students.qs / Circuits.qs remain the definition of the circuit.
/// </summary>
public static class StudentCircuit
{
    private static int Mask(int n, int q) => 1 << (n - 1 - q);

    /// <summary>Final amplitudes for one sample (2^n values into <paramref name="state"/>).</summary>
    public static void Run(StudentShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights, Span<double> state)
    {
        Check(shape, inputs, weights);
        int n = shape.Qubits;
        Encode(shape, inputs, state);
        for (int block = 0; block < shape.Depth; block++)
        {
            Entangle(state, n, inverse: false);
            for (int q = 0; q < n; q++) RY(state, Mask(n, q), weights[block * n + q]);
        }
    }

    /// <summary>Basis-state probabilities for one sample.</summary>
    public static void Probabilities(StudentShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights, Span<double> probabilities)
    {
        Run(shape, inputs, weights, probabilities);
        for (int k = 0; k < shape.StateCount; k++) probabilities[k] *= probabilities[k];
    }

    /// <summary>
    /// Given dL/dp for one sample, adds dL/dweights into <paramref name="weightGradient"/> and writes dL/dinputs
    /// (dL/dψ_in for amplitude encoding, dL/dθ for angle encoding) into <paramref name="inputGradient"/>.
    /// </summary>
    public static void Backward(StudentShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> dLdp, Span<double> inputGradient, Span<double> weightGradient)
    {
        int n = shape.Qubits, size = shape.StateCount;
        Span<double> psi = stackalloc double[size], g = stackalloc double[size];
        Run(shape, inputs, weights, psi);
        for (int k = 0; k < size; k++) g[k] = 2 * psi[k] * dLdp[k];
        for (int block = shape.Depth - 1; block >= 0; block--)
        {
            for (int q = n - 1; q >= 0; q--)
                weightGradient[block * n + q] += BackRY(psi, g, Mask(n, q), weights[block * n + q]);
            Entangle(psi, n, inverse: true);
            Entangle(g, n, inverse: true);
        }
        if (shape.Encoding == StudentEncoding.Amplitude)
        {
            g.CopyTo(inputGradient);
            return;
        }
        for (int q = n - 1; q >= 0; q--)
            inputGradient[q] = BackRY(psi, g, Mask(n, q), inputs[q]);
    }

    /// <summary>Replaces probabilities by the frequencies of <paramref name="shots"/> multinomial draws.</summary>
    public static void Sample(Span<double> probabilities, int shots, Random rng)
    {
        int size = probabilities.Length;
        Span<double> cdf = stackalloc double[size];
        double total = 0;
        for (int k = 0; k < size; k++) cdf[k] = total += probabilities[k];
        probabilities.Clear();
        for (int s = 0; s < shots; s++)
        {
            double x = rng.NextDouble() * total;
            // The first k with x < cdf[k]: a state of zero probability is never drawn.
            int k = 0;
            while (k < size - 1 && x >= cdf[k]) k++;
            probabilities[k] += 1;
        }
        for (int k = 0; k < size; k++) probabilities[k] /= shots;
    }

    private static void Encode(StudentShape shape, ReadOnlySpan<double> inputs, Span<double> state)
    {
        int n = shape.Qubits, size = shape.StateCount;
        if (shape.Encoding == StudentEncoding.Amplitude)
        {
            inputs.CopyTo(state);
            return;
        }
        state[..size].Fill(1 / Math.Sqrt(size));
        for (int q = 0; q < n; q++) RY(state, Mask(n, q), inputs[q]);
    }

    /// <summary>RY(θ) = [[cos θ/2, −sin θ/2], [sin θ/2, cos θ/2]] on the qubit of <paramref name="mask"/>.</summary>
    private static void RY(Span<double> state, int mask, double theta)
    {
        var (s, c) = Math.SinCos(theta / 2);
        for (int i = 0; i < state.Length; i++)
        {
            if ((i & mask) != 0) continue;
            double a = state[i], b = state[i | mask];
            state[i] = c * a - s * b;
            state[i | mask] = s * a + c * b;
        }
    }

    /// <summary>Undoes RY(θ) on ψ and on g (Rᵀ = R(−θ)) and returns gᵀ (dR/dθ) ψ_before.</summary>
    private static double BackRY(Span<double> psi, Span<double> g, int mask, double theta)
    {
        RY(psi, mask, -theta);
        var (s, c) = Math.SinCos(theta / 2);
        double d = 0;
        for (int i = 0; i < psi.Length; i++)
        {
            if ((i & mask) != 0) continue;
            double a = psi[i], b = psi[i | mask];
            d += g[i] * 0.5 * (-s * a - c * b) + g[i | mask] * 0.5 * (c * a - s * b);
        }
        RY(g, mask, -theta);
        return d;
    }

    /// <summary>CNOT on pairs (0,1),(2,3),… then (1,2),(3,4),…; the inverse applies them in reverse order.</summary>
    private static void Entangle(Span<double> state, int n, bool inverse)
    {
        var pairs = new List<int>();
        for (int i = 0; i + 1 < n; i += 2) pairs.Add(i);
        for (int i = 1; i + 1 < n; i += 2) pairs.Add(i);
        if (inverse) pairs.Reverse();
        foreach (int control in pairs)
        {
            int cm = Mask(n, control), tm = Mask(n, control + 1);
            for (int i = 0; i < state.Length; i++)
                if ((i & cm) != 0 && (i & tm) == 0)
                    (state[i], state[i | tm]) = (state[i | tm], state[i]);
        }
    }

    private static void Check(StudentShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights)
    {
        if (inputs.Length != shape.InputCount || weights.Length != shape.WeightCount)
            throw new ArgumentException($"a student of {shape} takes {shape.InputCount} inputs and {shape.WeightCount} weights; got {inputs.Length} and {weights.Length}.");
    }
}

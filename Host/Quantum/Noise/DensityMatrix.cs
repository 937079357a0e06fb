namespace Qtl.Quantum.Noise;

/// <summary>
/// Exact noisy simulation of the dressed circuit on a density matrix ρ, with the noise placed where
/// the QDK places it (see <see cref="NoiseModel"/>): a Pauli channel after every H and RY on its
/// qubit, after every CNOT on control and target, and before every measurement.
/// </summary>
/// <remarks>
/// ρ stays real: H, RY, CNOT, X and Z are real matrices, and Y = i·[[0,−1],[1,0]], so YρY† equals
/// the real conjugation [[0,−1],[1,0]] ρ [[0,−1],[1,0]]ᵀ. ρ is stored flat, ρ[r·2^n + c], which makes
/// it a real "state" of 2n qubits: a gate U on qubit q is U on the row bit of q and U on its column
/// bit (ρ → UρUᵀ). Memory is 4^n doubles, hence <see cref="MaxQubits"/>.
/// </remarks>
public static class DensityMatrix
{
    /// <summary>4^10 doubles = 8 MB per matrix; beyond that use shots on the QDK.</summary>
    public const int MaxQubits = 10;

    /// <summary>Noise is modelled for the dressed circuit (angle-encoded inputs), in both noisy engines.</summary>
    internal static void RequireAngles(CircuitShape shape)
    {
        if (shape.Encoding != InputEncoding.Angle)
            throw new ArgumentException($"the noisy engines run circuits with angle-encoded inputs; a {shape} circuit has no noise model here.");
    }

    /// <summary>
    /// Runs one circuit from |0…0⟩⟨0…0| into <paramref name="rho"/> (4^n doubles), up to but not including
    /// the measurement; see <see cref="MeasuredProbabilities"/> for the read-out.
    /// </summary>
    public static void Run(CircuitShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights, NoiseModel noise, Span<double> rho)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(noise);
        int n = shape.Qubits;
        RequireAngles(shape);
        if (n > MaxQubits)
            throw new ArgumentException($"a density matrix of {n} qubits needs 4^{n} doubles; the native noisy engine allows up to {MaxQubits} qubits.");
        if (inputs.Length != n || weights.Length != shape.WeightCount)
            throw new ArgumentException($"a {shape} circuit takes {n} inputs and {shape.WeightCount} weights; got {inputs.Length} and {weights.Length}.");
        int size = 1 << (2 * n);
        if (rho.Length < size) throw new ArgumentException($"rho needs {size} elements for {n} qubits.", nameof(rho));
        rho = rho[..size];
        rho.Clear();
        rho[0] = 1;

        double h = Math.Sqrt(0.5);
        for (int q = 0; q < n; q++)
        {
            ApplyOneQubit(rho, n, q, h, h, h, -h);
            ApplyPauliChannel(rho, n, q, noise);
            ApplyRY(rho, n, q, inputs[q], noise);
        }
        for (int block = 0; block < shape.Depth; block++)
        {
            if (shape.Entangling)
            {
                for (int i = 0; i + 1 < n; i += 2) ApplyNoisyCnot(rho, n, i, i + 1, noise);
                for (int i = 1; i + 1 < n; i += 2) ApplyNoisyCnot(rho, n, i, i + 1, noise);
            }
            for (int q = 0; q < n; q++) ApplyRY(rho, n, q, weights[block * n + q], noise);
        }
    }

    /// <summary>
    /// Outcome probabilities of measuring every qubit (big-endian, 2^n): the diagonal of ρ after the
    /// pre-measurement faults, of which only X and Y flip an outcome (probability px + py per qubit).
    /// </summary>
    public static void MeasuredProbabilities(ReadOnlySpan<double> rho, int qubits, NoiseModel noise, Span<double> probabilities)
    {
        int dim = 1 << qubits;
        for (int k = 0; k < dim; k++) probabilities[k] = rho[k * dim + k];
        double flip = noise.Px + noise.Py;
        if (flip == 0) return;
        for (int q = 0; q < qubits; q++)
        {
            int mask = StateVector.Mask(qubits, q);
            for (int k = 0; k < dim; k++)
            {
                if ((k & mask) != 0) continue;
                double p0 = probabilities[k], p1 = probabilities[k | mask];
                probabilities[k] = (1 - flip) * p0 + flip * p1;
                probabilities[k | mask] = (1 - flip) * p1 + flip * p0;
            }
        }
    }

    /// <summary>ρ → UρUᵀ for a real 2×2 U = [[u00, u01], [u10, u11]] on qubit q.</summary>
    public static void ApplyOneQubit(Span<double> rho, int qubits, int q, double u00, double u01, double u10, double u11)
    {
        int column = StateVector.Mask(qubits, q);
        Pairs(rho, column << qubits, u00, u01, u10, u11);
        Pairs(rho, column, u00, u01, u10, u11);
    }

    /// <summary>ρ → CNOT ρ CNOT: permutes rows, then columns.</summary>
    public static void ApplyCnot(Span<double> rho, int qubits, int control, int target)
    {
        int c = StateVector.Mask(qubits, control), t = StateVector.Mask(qubits, target);
        Swap(rho, c << qubits, t << qubits);
        Swap(rho, c, t);
    }

    /// <summary>
    /// The Pauli channel on qubit q: ρ → (1−p)ρ + px XρX + py YρY† + pz ZρZ. On the 2×2 block of q's
    /// row and column bits: diagonal entries mix with weight px+py, off-diagonal ones become
    /// (1 − px − py − 2pz)·ρ01 + (px − py)·ρ10. Depolarizing p shrinks ⟨X⟩, ⟨Y⟩, ⟨Z⟩ by 1 − 4p/3.
    /// </summary>
    public static void ApplyPauliChannel(Span<double> rho, int qubits, int q, NoiseModel noise)
    {
        if (noise.IsNoiseless) return;
        int column = StateVector.Mask(qubits, q), row = column << qubits, both = row | column;
        double flip = noise.Px + noise.Py, keep = 1 - flip, offKeep = 1 - flip - 2 * noise.Pz, offSwap = noise.Px - noise.Py;
        for (int k = 0; k < rho.Length; k++)
        {
            if ((k & both) != 0) continue;
            double r00 = rho[k], r01 = rho[k | column], r10 = rho[k | row], r11 = rho[k | both];
            rho[k] = keep * r00 + flip * r11;
            rho[k | both] = keep * r11 + flip * r00;
            rho[k | column] = offKeep * r01 + offSwap * r10;
            rho[k | row] = offKeep * r10 + offSwap * r01;
        }
    }

    /// <summary>Trace of ρ (1 up to rounding; a check for tests).</summary>
    public static double Trace(ReadOnlySpan<double> rho, int qubits)
    {
        int dim = 1 << qubits;
        double t = 0;
        for (int k = 0; k < dim; k++) t += rho[k * dim + k];
        return t;
    }

    private static void ApplyRY(Span<double> rho, int n, int q, double angle, NoiseModel noise)
    {
        var (sin, cos) = Math.SinCos(angle / 2);
        ApplyOneQubit(rho, n, q, cos, -sin, sin, cos);
        ApplyPauliChannel(rho, n, q, noise);
    }

    private static void ApplyNoisyCnot(Span<double> rho, int n, int control, int target, NoiseModel noise)
    {
        ApplyCnot(rho, n, control, target);
        ApplyPauliChannel(rho, n, control, noise);
        ApplyPauliChannel(rho, n, target, noise);
    }

    /// <summary>A real 2×2 matrix on every index pair (k, k|mask) of the flat 2n-qubit array.</summary>
    private static void Pairs(Span<double> v, int mask, double u00, double u01, double u10, double u11)
    {
        for (int start = 0; start < v.Length; start += 2 * mask)
            for (int k = start; k < start + mask; k++)
            {
                double a = v[k], b = v[k + mask];
                v[k] = u00 * a + u01 * b;
                v[k + mask] = u10 * a + u11 * b;
            }
    }

    /// <summary>Swaps entries k and k|target wherever k has the control bit and not the target bit.</summary>
    private static void Swap(Span<double> v, int control, int target)
    {
        for (int k = 0; k < v.Length; k++)
            if ((k & control) != 0 && (k & target) == 0)
                (v[k], v[k | target]) = (v[k | target], v[k]);
    }
}

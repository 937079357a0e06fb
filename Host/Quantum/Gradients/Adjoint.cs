namespace Qtl.Quantum.Gradients;

/// <summary>
/// Adjoint differentiation on the native state vector (Jones &amp; Gacon 2020): one forward run,
/// then one backward sweep that undoes gate after gate, so every parameter costs a few passes
/// over the state instead of two more simulations (parameter shift) — O(gates × n) passes
/// per sample for all n observables Z_i together.
/// </summary>
/// <remarks>
/// With ψ_l the state after gate l and λ = U_{l+1}†…U_L† Z_i ψ_L, a gate RY(θ) = exp(−iθY/2) gives
/// ∂⟨Z_i⟩/∂θ = 2 Re⟨λ|(−iY/2)ψ_l⟩. Here −iY = [[0,−1],[1,0]] is real, so on each amplitude pair
/// (a, b) of the gate's qubit this is Σ λ_b·a − λ_a·b: no trigonometry, only dot products.
/// Gates inside one RY layer act on different qubits and commute, so any order within it is fine.
/// </remarks>
public static class Adjoint
{
    /// <summary>⟨Z_i⟩ and their derivatives for inputs and weights of every sample, in parallel over samples.</summary>
    public static CircuitGradients Compute(CircuitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var shape = batch.Shape;
        int n = shape.Qubits, size = shape.StateCount, w = shape.WeightCount;
        var gradients = CircuitGradients.Allocate(shape, batch.Count);
        long work = (long)size * (n + 1) * (w + n + 1);

        BatchParallel.ForEachRange(batch.Count, work, (from, to) =>
        {
            // One set of buffers per range: nothing is allocated per sample.
            var psi = new double[size];
            var scratch = new double[size];
            var lambdas = new double[n * size];
            for (int b = from; b < to; b++)
                Sample(shape, batch.InputsOf(b), batch.WeightsOf(b), psi, scratch, lambdas,
                    gradients.Expectations.AsSpan(b * n, n),
                    gradients.DzDx.AsSpan(b * n * n, n * n),
                    gradients.DzDw.AsSpan(b * w * n, w * n));
        });
        return gradients;
    }

    private static void Sample(CircuitShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights,
        Span<double> psi, Span<double> scratch, Span<double> lambdas,
        Span<double> expectations, Span<double> dzdx, Span<double> dzdw)
    {
        int n = shape.Qubits, size = shape.StateCount;
        StateVector.Run(shape, inputs, weights, psi, scratch);

        // λ_i = Z_i ψ: flip the sign of amplitudes whose qubit-i bit is 1; ⟨Z_i⟩ = ⟨ψ|λ_i⟩.
        for (int i = 0; i < n; i++)
        {
            var lambda = lambdas.Slice(i * size, size);
            int mask = StateVector.Mask(n, i);
            double z = 0;
            for (int k = 0; k < size; k++)
            {
                double v = (k & mask) == 0 ? psi[k] : -psi[k];
                lambda[k] = v;
                z += v * psi[k];
            }
            expectations[i] = z;
        }

        Span<double> sin = stackalloc double[CircuitShape.MaxQubits], cos = stackalloc double[CircuitShape.MaxQubits];
        for (int block = shape.Depth - 1; block >= 0; block--)
        {
            StateVector.HalfAngleSinCos(weights.Slice(block * n, n), sin, cos);
            for (int q = n - 1; q >= 0; q--)
            {
                int index = block * n + q;
                Differentiate(psi, lambdas, n, q, dzdw.Slice(index * n, n));
                Undo(psi, lambdas, n, q, cos[q], sin[q]);
            }
            StateVector.ApplyEntangler(psi, scratch, n, inverse: true);
            for (int i = 0; i < n; i++)
                StateVector.ApplyEntangler(lambdas.Slice(i * size, size), scratch, n, inverse: true);
        }

        // The embedding layer; the Hadamards before it have no parameters, so the sweep stops here.
        StateVector.HalfAngleSinCos(inputs, sin, cos);
        for (int q = n - 1; q >= 0; q--)
        {
            Differentiate(psi, lambdas, n, q, dzdx.Slice(q * n, n));
            if (q > 0) Undo(psi, lambdas, n, q, cos[q], sin[q]);
        }
    }

    /// <summary>Writes ∂⟨Z_i⟩/∂θ for the RY on qubit q into row[i], for every observable i.</summary>
    private static void Differentiate(ReadOnlySpan<double> psi, ReadOnlySpan<double> lambdas, int n, int q, Span<double> row)
    {
        int size = psi.Length, mask = StateVector.Mask(n, q);
        for (int i = 0; i < n; i++)
        {
            var lambda = lambdas.Slice(i * size, size);
            double sum = 0;
            for (int start = 0; start < size; start += 2 * mask)
                for (int j = start; j < start + mask; j++)
                    sum += lambda[j + mask] * psi[j] - lambda[j] * psi[j + mask];
            row[i] = sum;
        }
    }

    /// <summary>Applies RY(−θ) on qubit q to ψ and every λ_i, given cos and sin of θ/2.</summary>
    private static void Undo(Span<double> psi, Span<double> lambdas, int n, int q, double cos, double sin)
    {
        int size = psi.Length, mask = StateVector.Mask(n, q);
        StateVector.ApplyRY(psi, mask, cos, -sin);
        for (int i = 0; i < n; i++) StateVector.ApplyRY(lambdas.Slice(i * size, size), mask, cos, -sin);
    }
}

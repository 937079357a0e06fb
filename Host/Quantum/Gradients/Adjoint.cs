namespace Qtl.Quantum.Gradients;

/// <summary>
/// Adjoint differentiation on the native state vector (Jones &amp; Gacon 2020): one forward run,
/// then one backward sweep that undoes gate after gate, so every parameter costs a few passes
/// over the state instead of two more simulations (parameter shift) — O(gates × outputs) passes
/// per sample for all outputs together.
/// </summary>
/// <remarks>
/// Both readouts are diagonal observables O_o: Z_i for ⟨Z_i⟩, |k⟩⟨k| for the probability p_k. With ψ_l
/// the state after gate l and λ_o = U_{l+1}†…U_L† O_o ψ_L, a gate RY(θ) = exp(−iθY/2) gives
/// ∂⟨O_o⟩/∂θ = 2 Re⟨λ_o|(−iY/2)ψ_l⟩. Here −iY = [[0,−1],[1,0]] is real, so on each amplitude pair
/// (a, b) of the gate's qubit this is Σ λ_b·a − λ_a·b: no trigonometry, only dot products.
/// Gates inside one RY layer act on different qubits and commute, so any order within it is fine.
/// An amplitude-encoded input enters linearly, ⟨O_o⟩ = ψ_inᵀ Uᵀ O_o U ψ_in, so once the sweep is back
/// at the prepared state, ∂⟨O_o⟩/∂ψ_in = 2 λ_o.
/// </remarks>
public static class Adjoint
{
    /// <summary>The outputs and their derivatives for inputs and weights of every sample, in parallel over samples.</summary>
    public static CircuitGradients Compute(CircuitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var shape = batch.Shape;
        int size = shape.StateCount, inputs = shape.InputCount, outputs = shape.OutputCount, w = shape.WeightCount;
        var gradients = CircuitGradients.Allocate(shape, batch.Count);
        long work = (long)size * (outputs + 1) * (w + shape.Qubits + 1);

        BatchParallel.ForEachRange(batch.Count, work, (from, to) =>
        {
            // One set of buffers per range: nothing is allocated per sample.
            var psi = new double[size];
            var scratch = new double[size];
            var lambdas = new double[outputs * size];
            for (int b = from; b < to; b++)
                Sample(shape, batch.InputsOf(b), batch.WeightsOf(b), psi, scratch, lambdas,
                    gradients.Outputs.AsSpan(b * outputs, outputs),
                    gradients.DInputs.AsSpan(b * inputs * outputs, inputs * outputs),
                    gradients.DWeights.AsSpan(b * w * outputs, w * outputs));
        });
        return gradients;
    }

    private static void Sample(CircuitShape shape, ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights,
        Span<double> psi, Span<double> scratch, Span<double> lambdas,
        Span<double> outputs, Span<double> dInputs, Span<double> dWeights)
    {
        int n = shape.Qubits, size = shape.StateCount, count = shape.OutputCount;
        StateVector.Run(shape, inputs, weights, psi, scratch);
        Observe(shape.Readout, n, psi, lambdas, outputs);

        Span<double> sin = stackalloc double[CircuitShape.MaxQubits], cos = stackalloc double[CircuitShape.MaxQubits];
        for (int block = shape.Depth - 1; block >= 0; block--)
        {
            StateVector.HalfAngleSinCos(weights.Slice(block * n, n), sin, cos);
            for (int q = n - 1; q >= 0; q--)
            {
                int index = block * n + q;
                Differentiate(psi, lambdas, n, q, dWeights.Slice(index * count, count));
                Undo(psi, lambdas, n, q, cos[q], sin[q]);
            }
            if (!shape.Entangling) continue;
            StateVector.ApplyEntangler(psi, scratch, n, inverse: true);
            for (int o = 0; o < count; o++)
                StateVector.ApplyEntangler(lambdas.Slice(o * size, size), scratch, n, inverse: true);
        }

        if (shape.Encoding == InputEncoding.Amplitude)
        {
            for (int j = 0; j < size; j++)
                for (int o = 0; o < count; o++) dInputs[j * count + o] = 2 * lambdas[o * size + j];
            return;
        }
        // The embedding layer; the Hadamards before it have no parameters, so the sweep stops here.
        StateVector.HalfAngleSinCos(inputs, sin, cos);
        for (int q = n - 1; q >= 0; q--)
        {
            Differentiate(psi, lambdas, n, q, dInputs.Slice(q * count, count));
            if (q > 0) Undo(psi, lambdas, n, q, cos[q], sin[q]);
        }
    }

    /// <summary>λ_o = O_o ψ for every output o, and ⟨O_o⟩ = ⟨ψ|λ_o⟩.</summary>
    private static void Observe(CircuitReadout readout, int n, ReadOnlySpan<double> psi, Span<double> lambdas, Span<double> outputs)
    {
        int size = psi.Length;
        if (readout == CircuitReadout.Probabilities)
        {
            // |k⟩⟨k|ψ keeps one amplitude.
            lambdas.Clear();
            for (int k = 0; k < size; k++)
            {
                lambdas[k * size + k] = psi[k];
                outputs[k] = psi[k] * psi[k];
            }
            return;
        }
        // Z_i ψ flips the sign of amplitudes whose qubit-i bit is 1.
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
            outputs[i] = z;
        }
    }

    /// <summary>Writes ∂⟨O_o⟩/∂θ for the RY on qubit q into row[o], for every output o.</summary>
    private static void Differentiate(ReadOnlySpan<double> psi, ReadOnlySpan<double> lambdas, int n, int q, Span<double> row)
    {
        int size = psi.Length, mask = StateVector.Mask(n, q);
        for (int o = 0; o < row.Length; o++)
        {
            var lambda = lambdas.Slice(o * size, size);
            double sum = 0;
            for (int start = 0; start < size; start += 2 * mask)
                for (int j = start; j < start + mask; j++)
                    sum += lambda[j + mask] * psi[j] - lambda[j] * psi[j + mask];
            row[o] = sum;
        }
    }

    /// <summary>Applies RY(−θ) on qubit q to ψ and every λ_o, given cos and sin of θ/2.</summary>
    private static void Undo(Span<double> psi, Span<double> lambdas, int n, int q, double cos, double sin)
    {
        int size = psi.Length, mask = StateVector.Mask(n, q);
        StateVector.ApplyRY(psi, mask, cos, -sin);
        for (int o = 0; o < lambdas.Length / size; o++) StateVector.ApplyRY(lambdas.Slice(o * size, size), mask, cos, -sin);
    }
}

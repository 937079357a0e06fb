namespace Qtl.Quantum.Gradients;

/// <summary>
/// Parameter-shift gradients through any <see cref="IQuantumBackend"/>, so they work on the QDK
/// simulator and, with shots, the way they would on hardware. Every angle (the weights, and the inputs
/// of an angle encoding) enters through one RY gate, whose generator Y/2 has eigenvalues ±1/2, so
/// ∂f/∂θ = (f(θ+π/2) − f(θ−π/2)) / 2 exactly, not as an approximation, for either readout.
/// </summary>
/// <remarks>
/// Circuits per sample: 1 + 2(S + W) — the unshifted circuit, then a +shift and a −shift of each of the
/// S shifted inputs (n angles; none for amplitudes) and W = n·depth weights (57 for 4 qubits, depth 6).
/// All of them go in ONE backend call, because a call has a fixed cost (~100 ms on the QDK runtime) that
/// would otherwise be paid per circuit; an <see cref="IShiftedCircuitBackend"/> builds them itself.
/// Layout of the expanded batch, per sample b: circuit b*C + 0 unshifted, then for parameter p
/// (inputs first, then weights) circuit b*C + 1 + 2p shifted by +shift and b*C + 2 + 2p by −shift.
/// Amplitude inputs enter linearly, not through a gate; their derivatives come from the variational
/// unitary (<see cref="IVariationalUnitaryBackend"/>) and are exact, with or without shots.
/// </remarks>
public static class ParameterShift
{
    /// <summary>Inputs that are shifted: the n angles of an angle encoding; amplitudes are not.</summary>
    public static int ShiftedInputs(CircuitShape shape) => shape.Encoding == InputEncoding.Angle ? shape.Qubits : 0;

    /// <summary>Circuits evaluated per sample: 1 + 2(S + W).</summary>
    public static int CircuitsPerSample(CircuitShape shape) => 1 + 2 * (ShiftedInputs(shape) + shape.WeightCount);

    /// <summary>
    /// Gradients with every circuit estimated from <paramref name="shots"/> shots (0 = exact, as exact as the
    /// backend is), by <paramref name="rule"/> (default: the exact rule); the outputs returned are those of
    /// the unshifted circuits.
    /// </summary>
    public static CircuitGradients Compute(IQuantumBackend backend, CircuitBatch batch, int shots = 0, ShiftRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(batch);
        rule ??= ShiftRule.Exact;
        var shape = batch.Shape;
        int o = shape.OutputCount, s = ShiftedInputs(shape), w = shape.WeightCount, perSample = CircuitsPerSample(shape);
        var result = backend is IShiftedCircuitBackend shifted && rule == ShiftRule.Exact
            ? shifted.EvaluateShifted(batch, shots)
            : backend.Evaluate(Expand(batch, rule.Shift), shots);
        if (result.Count != batch.Count * perSample)
            throw new InvalidOperationException($"backend '{backend.Name}' returned {result.Count} results for {batch.Count * perSample} circuits.");

        var gradients = CircuitGradients.Allocate(shape, batch.Count);
        for (int b = 0; b < batch.Count; b++)
        {
            int first = b * perSample;
            result.OutputsOf(first).CopyTo(gradients.Outputs.AsSpan(b * o, o));
            for (int p = 0; p < s + w; p++)
            {
                var plus = result.OutputsOf(first + 1 + 2 * p);
                var minus = result.OutputsOf(first + 2 + 2 * p);
                var row = p < s
                    ? gradients.DInputs.AsSpan((b * s + p) * o, o)
                    : gradients.DWeights.AsSpan((b * w + p - s) * o, o);
                for (int k = 0; k < o; k++) row[k] = rule.Scale * (plus[k] - minus[k]);
            }
        }
        if (s == 0) AmplitudeInputs(backend, batch, gradients);
        return gradients;
    }

    /// <summary>Builds the expanded batch described in the remarks (the exact rule's shift by default).</summary>
    public static CircuitBatch Expand(CircuitBatch batch, double shift = Math.PI / 2)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var shape = batch.Shape;
        int i = shape.InputCount, s = ShiftedInputs(shape), w = shape.WeightCount, perSample = CircuitsPerSample(shape);
        var inputs = new double[batch.Count * perSample * i];
        var weights = new double[batch.Count * perSample * w];
        for (int b = 0; b < batch.Count; b++)
        {
            var x = batch.InputsOf(b);
            var theta = batch.WeightsOf(b);
            for (int c = 0; c < perSample; c++)
            {
                int circuit = b * perSample + c;
                x.CopyTo(inputs.AsSpan(circuit * i, i));
                theta.CopyTo(weights.AsSpan(circuit * w, w));
                if (c == 0) continue;
                int p = (c - 1) / 2;
                double signed = (c - 1) % 2 == 0 ? shift : -shift;
                if (p < s) inputs[circuit * i + p] += signed;
                else weights[circuit * w + p - s] += signed;
            }
        }
        return new CircuitBatch(shape, inputs, weights);
    }

    /// <summary>
    /// ∂output_o/∂ψ_j = Σ_k d_o(k) · 2 (Uψ)_k U[k, j], where output_o = Σ_k d_o(k) p_k: d_o(k) = δ_ok for
    /// probabilities, ±1 by qubit o's bit for ⟨Z_o⟩. U is fetched once per distinct weight vector.
    /// </summary>
    private static void AmplitudeInputs(IQuantumBackend backend, CircuitBatch batch, CircuitGradients gradients)
    {
        if (backend is not IVariationalUnitaryBackend unitary)
            throw new NotSupportedException($"backend '{backend.Name}' cannot give the variational unitary that amplitude-encoded input gradients need.");
        var shape = batch.Shape;
        int n = shape.Qubits, size = shape.StateCount, o = shape.OutputCount;
        double[] columns = [];
        double[] output = new double[size], dp = new double[size];
        for (int b = 0; b < batch.Count; b++)
        {
            if (b == 0 || !batch.WeightsOf(b).SequenceEqual(batch.WeightsOf(b - 1)))
                columns = unitary.VariationalColumns(shape, batch.WeightsOf(b));
            var psi = batch.InputsOf(b);
            Array.Clear(output);
            for (int j = 0; j < size; j++)
                for (int k = 0; k < size; k++) output[k] += columns[j * size + k] * psi[j];
            var dInputs = gradients.DInputs.AsSpan(b * size * o, size * o);
            for (int j = 0; j < size; j++)
            {
                for (int k = 0; k < size; k++) dp[k] = 2 * output[k] * columns[j * size + k];
                // ⟨Z⟩ is the same linear map of ∂p as of p.
                if (shape.Readout == CircuitReadout.Probabilities) dp.CopyTo(dInputs.Slice(j * o, o));
                else BatchResult.ExpectationsFromProbabilities(dp, dInputs.Slice(j * o, o), n);
            }
        }
    }
}

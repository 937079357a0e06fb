namespace Qtl.Quantum.Gradients;

/// <summary>
/// Parameter-shift gradients through any <see cref="IQuantumBackend"/>, so they work on the QDK
/// simulator and, with shots, the way they would on hardware. Every angle (inputs as well as
/// weights) enters through one RY gate, whose generator Y/2 has eigenvalues ±1/2, so
/// ∂⟨Z⟩/∂θ = (⟨Z⟩(θ+π/2) − ⟨Z⟩(θ−π/2)) / 2 exactly, not as an approximation.
/// </summary>
/// <remarks>
/// Circuits per sample: 1 + 2(n + W) — the unshifted circuit, then a +π/2 and a −π/2 shift of
/// each of the n inputs and W = n·depth weights (57 for 4 qubits, depth 6). All of them go in
/// ONE backend call, because a call has a fixed cost (~100 ms on the QDK runtime) that would
/// otherwise be paid per circuit; an <see cref="IShiftedCircuitBackend"/> builds them itself.
/// Layout of the expanded batch, per sample b: circuit b*C + 0 unshifted, then for parameter p
/// (inputs first, then weights) circuit b*C + 1 + 2p shifted by +π/2 and b*C + 2 + 2p by −π/2.
/// </remarks>
public static class ParameterShift
{
    /// <summary>The shift of an RY angle for which the two-term rule is exact.</summary>
    public const double Shift = Math.PI / 2;

    /// <summary>Circuits evaluated per sample: 1 + 2(n + W).</summary>
    public static int CircuitsPerSample(CircuitShape shape) => 1 + 2 * (shape.Qubits + shape.WeightCount);

    /// <summary>Exact gradients (as exact as the backend is).</summary>
    public static CircuitGradients Compute(IQuantumBackend backend, CircuitBatch batch) => Compute(backend, batch, 0);

    /// <summary>
    /// Gradients with every circuit estimated from <paramref name="shots"/> shots (0 = exact);
    /// the expectations returned are those of the unshifted circuits.
    /// </summary>
    public static CircuitGradients Compute(IQuantumBackend backend, CircuitBatch batch, int shots)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(batch);
        var shape = batch.Shape;
        int n = shape.Qubits, w = shape.WeightCount, perSample = CircuitsPerSample(shape);
        var result = backend is IShiftedCircuitBackend shifted
            ? shifted.EvaluateShifted(batch, shots)
            : backend.Evaluate(Expand(batch), shots);
        if (result.Count != batch.Count * perSample)
            throw new InvalidOperationException($"backend '{backend.Name}' returned {result.Count} results for {batch.Count * perSample} circuits.");

        var gradients = CircuitGradients.Allocate(shape, batch.Count);
        for (int b = 0; b < batch.Count; b++)
        {
            int first = b * perSample;
            result.ExpectationsOf(first).CopyTo(gradients.Expectations.AsSpan(b * n, n));
            for (int p = 0; p < n + w; p++)
            {
                var plus = result.ExpectationsOf(first + 1 + 2 * p);
                var minus = result.ExpectationsOf(first + 2 + 2 * p);
                var row = p < n
                    ? gradients.DzDx.AsSpan((b * n + p) * n, n)
                    : gradients.DzDw.AsSpan((b * w + p - n) * n, n);
                for (int q = 0; q < n; q++) row[q] = 0.5 * (plus[q] - minus[q]);
            }
        }
        return gradients;
    }

    /// <summary>Builds the expanded batch described in the remarks.</summary>
    public static CircuitBatch Expand(CircuitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var shape = batch.Shape;
        int n = shape.Qubits, w = shape.WeightCount, perSample = CircuitsPerSample(shape);
        var inputs = new double[batch.Count * perSample * n];
        var weights = new double[batch.Count * perSample * w];
        for (int b = 0; b < batch.Count; b++)
        {
            var x = batch.InputsOf(b);
            var theta = batch.WeightsOf(b);
            for (int c = 0; c < perSample; c++)
            {
                int circuit = b * perSample + c;
                x.CopyTo(inputs.AsSpan(circuit * n, n));
                theta.CopyTo(weights.AsSpan(circuit * w, w));
                if (c == 0) continue;
                int p = (c - 1) / 2;
                double shift = (c - 1) % 2 == 0 ? Shift : -Shift;
                if (p < n) inputs[circuit * n + p] += shift;
                else weights[circuit * w + p - n] += shift;
            }
        }
        return new CircuitBatch(shape, inputs, weights);
    }
}

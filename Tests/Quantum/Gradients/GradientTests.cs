using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Tests.Quantum.Gradients;

/// <summary>Parameter shift, adjoint and central finite differences must tell the same story.</summary>
public sealed class GradientTests
{
    private const int Samples = 3;

    /// <summary>Wraps the real native engine and counts calls and circuits; nothing is faked.</summary>
    private sealed class CountingBackend : IQuantumBackend
    {
        private readonly NativeBackend inner = new();
        public int Calls { get; private set; }
        public int Circuits { get; private set; }
        public string Name => inner.Name;
        public BackendCapabilities Capabilities => inner.Capabilities;
        public string DescribeReadout(int shots) => inner.DescribeReadout(shots);

        public BatchResult Evaluate(CircuitBatch batch, int shots = 0)
        {
            Calls++;
            Circuits += batch.Count;
            return inner.Evaluate(batch, shots);
        }

        public void Dispose() => inner.Dispose();
    }

    private static CircuitBatch RandomBatch(int n, int depth, int seed, bool entangling = true)
    {
        var rng = new Random(seed);
        var shape = new CircuitShape(n, depth, entangling: entangling);
        double Angle() => (rng.NextDouble() * 2 - 1) * Math.PI;
        var inputs = Enumerable.Range(0, Samples * n).Select(_ => Angle()).ToArray();
        var weights = Enumerable.Range(0, Samples * shape.WeightCount).Select(_ => Angle()).ToArray();
        return new CircuitBatch(shape, inputs, weights);
    }

    /// <summary>Central differences, h = 1e-5, all perturbed circuits in one batch.</summary>
    private static (double[] DInputs, double[] DWeights) FiniteDifferences(CircuitBatch batch)
    {
        const double h = 1e-5;
        var shape = batch.Shape;
        int n = shape.Qubits, w = shape.WeightCount, parameters = n + w, perSample = 2 * parameters;
        var inputs = new double[batch.Count * perSample * n];
        var weights = new double[batch.Count * perSample * w];
        for (int b = 0; b < batch.Count; b++)
            for (int c = 0; c < perSample; c++)
            {
                int circuit = b * perSample + c, p = c / 2;
                batch.InputsOf(b).CopyTo(inputs.AsSpan(circuit * n, n));
                batch.WeightsOf(b).CopyTo(weights.AsSpan(circuit * w, w));
                double step = c % 2 == 0 ? h : -h;
                if (p < n) inputs[circuit * n + p] += step;
                else weights[circuit * w + p - n] += step;
            }
        using var backend = new NativeBackend();
        var result = backend.Evaluate(new CircuitBatch(shape, inputs, weights));
        var dzdx = new double[batch.Count * n * n];
        var dzdw = new double[batch.Count * w * n];
        for (int b = 0; b < batch.Count; b++)
            for (int p = 0; p < parameters; p++)
                for (int q = 0; q < n; q++)
                {
                    int circuit = b * perSample + 2 * p;
                    double d = (result.ExpectationsOf(circuit)[q] - result.ExpectationsOf(circuit + 1)[q]) / (2 * h);
                    if (p < n) dzdx[(b * n + p) * n + q] = d;
                    else dzdw[(b * w + p - n) * n + q] = d;
                }
        return (dzdx, dzdw);
    }

    [TestCase(1, 0)]
    [TestCase(1, 3)]
    [TestCase(2, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 3)]
    [TestCase(4, 1)]
    [TestCase(4, 6)]
    [TestCase(6, 3)]
    [TestCase(6, 6)]
    [TestCase(10, 2)]
    [TestCase(4, 6, false)]
    [TestCase(5, 3, false)]
    public void ParameterShiftFiniteDifferencesAndAdjointAgree(int n, int depth, bool entangling = true)
    {
        var batch = RandomBatch(n, depth, seed: 100 * n + depth, entangling);
        using var backend = new NativeBackend();
        var shift = ParameterShift.Compute(backend, batch);
        var adjoint = Adjoint.Compute(batch);
        var (fdX, fdW) = FiniteDifferences(batch);
        var exact = backend.Evaluate(batch);

        Assert.Multiple(() =>
        {
            Assert.That(shift.Outputs, Is.EqualTo(exact.Expectations).Within(1e-12), "shift expectations");
            Assert.That(adjoint.Outputs, Is.EqualTo(exact.Expectations).Within(1e-12), "adjoint expectations");
            Assert.That(shift.DInputs, Is.EqualTo(fdX).Within(1e-6), "shift vs finite differences, inputs");
            Assert.That(shift.DWeights, Is.EqualTo(fdW).Within(1e-6), "shift vs finite differences, weights");
            Assert.That(adjoint.DInputs, Is.EqualTo(shift.DInputs).Within(1e-10), "adjoint vs shift, inputs");
            Assert.That(adjoint.DWeights, Is.EqualTo(shift.DWeights).Within(1e-10), "adjoint vs shift, weights");
        });
    }

    [TestCase(CircuitReadout.PauliZ)]
    [TestCase(CircuitReadout.Probabilities)]
    public void AmplitudeEncodedInputsGetTheSameGradientsFromTheUnitaryAsFromAdjoint(CircuitReadout readout)
    {
        var rng = new Random(7);
        var shape = new CircuitShape(3, 2, InputEncoding.Amplitude, readout);
        var inputs = new double[2 * 8];
        for (int b = 0; b < 2; b++)
        {
            var row = inputs.AsSpan(b * 8, 8);
            for (int k = 0; k < 8; k++) row[k] = rng.NextDouble() - 0.5;
            double norm = Math.Sqrt(row.ToArray().Sum(v => v * v));
            for (int k = 0; k < 8; k++) row[k] /= norm;
        }
        var weights = Enumerable.Range(0, 2 * shape.WeightCount).Select(_ => rng.NextDouble() * 6).ToArray();
        var batch = new CircuitBatch(shape, inputs, weights);
        var shifted = ParameterShift.Compute(new NativeBackend(), batch);
        var adjoint = Adjoint.Compute(batch);
        Assert.That(shifted.Outputs, Is.EqualTo(adjoint.Outputs).Within(1e-12));
        Assert.That(shifted.DWeights, Is.EqualTo(adjoint.DWeights).Within(1e-12));
        Assert.That(shifted.DInputs, Is.EqualTo(adjoint.DInputs).Within(1e-12));
    }

    [Test]
    public void SingleQubitDerivativeIsMinusCosine()
    {
        // ⟨Z⟩ = −sin x for H then RY(x), so ∂⟨Z⟩/∂x = −cos x.
        var batch = new CircuitBatch(new CircuitShape(1, 0), [0.7], []);
        using var backend = new NativeBackend();
        Assert.That(ParameterShift.Compute(backend, batch).DInputs[0], Is.EqualTo(-Math.Cos(0.7)).Within(1e-12));
        Assert.That(Adjoint.Compute(batch).DInputs[0], Is.EqualTo(-Math.Cos(0.7)).Within(1e-12));
    }

    [Test]
    public void ParameterShiftMakesExactlyOneBackendCall()
    {
        var batch = RandomBatch(4, 6, seed: 1);
        using var backend = new CountingBackend();
        var gradients = ParameterShift.Compute(backend, batch);
        Assert.Multiple(() =>
        {
            Assert.That(backend.Calls, Is.EqualTo(1));
            Assert.That(ParameterShift.CircuitsPerSample(batch.Shape), Is.EqualTo(1 + 2 * (4 + 24)));
            Assert.That(backend.Circuits, Is.EqualTo(Samples * 57));
            Assert.That(gradients.Count, Is.EqualTo(Samples));
            Assert.That(gradients.DWeightsOf(1).Length, Is.EqualTo(24 * 4));
            Assert.That(gradients.DInputsOf(2).Length, Is.EqualTo(4 * 4));
        });
    }

    [Test]
    public void SpanAccessorsFollowTheFlatLayout()
    {
        var batch = RandomBatch(3, 2, seed: 9);
        var gradients = Adjoint.Compute(batch);
        int n = 3, w = 6;
        for (int b = 0; b < Samples; b++)
        {
            Assert.That(gradients.OutputsOf(b)[2], Is.EqualTo(gradients.Outputs[b * n + 2]));
            Assert.That(gradients.DInputsOf(b)[1 * n + 2], Is.EqualTo(gradients.DInputAt(b, 1, 2)));
            Assert.That(gradients.DWeightsOf(b)[5 * n + 0], Is.EqualTo(gradients.DWeights[(b * w + 5) * n + 0]));
            Assert.That(gradients.DWeightAt(b, 5, 0), Is.EqualTo(gradients.DWeights[(b * w + 5) * n + 0]));
        }
    }

    [Test]
    public void ShotBasedShiftIsCloseToExact()
    {
        var batch = RandomBatch(3, 2, seed: 21);
        using var backend = new NativeBackend(seed: 5);
        var exact = Adjoint.Compute(batch);
        var sampled = ParameterShift.Compute(backend, batch, shots: 20_000);
        // Each derivative is half a difference of two ±1 means: standard error ≤ 1/√(2·shots) ≈ 0.005.
        Assert.That(sampled.DWeights, Is.EqualTo(exact.DWeights).Within(0.035));
        Assert.That(sampled.DInputs, Is.EqualTo(exact.DInputs).Within(0.035));
    }

    [Test]
    public void AdjointHandlesALargeParallelBatch()
    {
        var rng = new Random(8);
        var shape = new CircuitShape(4, 6);
        int count = 2_000;
        var inputs = Enumerable.Range(0, count * 4).Select(_ => rng.NextDouble() * 3).ToArray();
        var weights = Enumerable.Range(0, count * shape.WeightCount).Select(_ => rng.NextDouble() * 3).ToArray();
        var batch = new CircuitBatch(shape, inputs, weights);
        var all = Adjoint.Compute(batch);
        foreach (int b in new[] { 0, 777, count - 1 })
        {
            var one = Adjoint.Compute(new CircuitBatch(shape, batch.InputsOf(b).ToArray(), batch.WeightsOf(b).ToArray()));
            Assert.That(all.DWeightsOf(b).ToArray(), Is.EqualTo(one.DWeights).Within(1e-15), $"sample {b}");
        }
    }
}

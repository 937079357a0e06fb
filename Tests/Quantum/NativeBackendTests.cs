using Qtl.Quantum;

namespace Qtl.Tests.Quantum;

/// <summary>The native state-vector engine against hand calculations and a dense-matrix reference.</summary>
public sealed class NativeBackendTests
{
    private const double Tight = 1e-12;

    private static BatchResult RunOne(int n, int depth, double[] inputs, double[] weights, int shots = 0)
    {
        using var backend = new NativeBackend();
        return backend.Evaluate(new CircuitBatch(new CircuitShape(n, depth), inputs, weights), shots);
    }

    private static double[] RandomAngles(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(16)]
    public void HadamardLayerAloneGivesZeroExpectations(int n)
    {
        var result = RunOne(n, 0, new double[n], []);
        Assert.That(result.Expectations, Is.All.EqualTo(0).Within(Tight));
        Assert.That(result.Probabilities, Is.All.EqualTo(1.0 / (1 << n)).Within(Tight));
    }

    [TestCase(0.0)]
    [TestCase(0.3)]
    [TestCase(-1.2)]
    [TestCase(Math.PI / 2)]
    [TestCase(2.9)]
    public void SingleQubitHThenRyGivesMinusSine(double t)
    {
        var result = RunOne(1, 0, [t], []);
        Assert.That(result.Expectations[0], Is.EqualTo(-Math.Sin(t)).Within(Tight));
    }

    [Test]
    public void DepthZeroIsAProductStateOnSixteenQubits()
    {
        var inputs = RandomAngles(new Random(7), 16);
        var result = RunOne(16, 0, inputs, []);
        for (int q = 0; q < 16; q++)
            Assert.That(result.Expectations[q], Is.EqualTo(-Math.Sin(inputs[q])).Within(1e-12), $"qubit {q}");
    }

    [Test]
    public void QubitZeroIsTheMostSignificantBit()
    {
        // Inputs (π/2, 0): qubit 0 goes to |1⟩, qubit 1 stays |+⟩, so the state is (|10⟩+|11⟩)/√2.
        var result = RunOne(2, 0, [Math.PI / 2, 0], []);
        Assert.That(result.Probabilities, Is.EqualTo(new[] { 0, 0, 0.5, 0.5 }).Within(Tight));
        Assert.That(result.Expectations, Is.EqualTo(new[] { -1.0, 0.0 }).Within(Tight));
    }

    [Test]
    public void TwoQubitBellCaseByHand()
    {
        // Inputs (0, π/2): |+⟩|1⟩ = (|01⟩+|11⟩)/√2; CNOT(0,1) makes (|01⟩+|10⟩)/√2.
        // RY(u) on qubit 0 then gives (−s|00⟩ + c|01⟩ + c|10⟩ + s|11⟩)/√2 with c,s = cos,sin(u/2).
        var bell = RunOne(2, 1, [0, Math.PI / 2], [0, 0]);
        Assert.That(bell.Probabilities, Is.EqualTo(new[] { 0, 0.5, 0.5, 0 }).Within(Tight));
        Assert.That(bell.Expectations, Is.EqualTo(new[] { 0.0, 0.0 }).Within(Tight));

        var rotated = RunOne(2, 1, [0, Math.PI / 2], [Math.PI / 3, 0]);
        Assert.That(rotated.Probabilities, Is.EqualTo(new[] { 0.125, 0.375, 0.375, 0.125 }).Within(Tight));
        Assert.That(rotated.Expectations, Is.EqualTo(new[] { 0.0, 0.0 }).Within(Tight));
    }

    [Test]
    public void ProbabilitiesSumToOneAndMatchExpectations()
    {
        var rng = new Random(11);
        var shape = new CircuitShape(6, 4);
        var batch = new CircuitBatch(shape, RandomAngles(rng, 50 * 6), RandomAngles(rng, 50 * shape.WeightCount));
        using var backend = new NativeBackend();
        var result = backend.Evaluate(batch);
        Span<double> z = stackalloc double[6];
        for (int b = 0; b < batch.Count; b++)
        {
            double sum = 0;
            foreach (var p in result.ProbabilitiesOf(b)) sum += p;
            Assert.That(sum, Is.EqualTo(1).Within(1e-12));
            BatchResult.ExpectationsFromProbabilities(result.ProbabilitiesOf(b), z, 6);
            Assert.That(result.ExpectationsOf(b).ToArray(), Is.EqualTo(z.ToArray()).Within(1e-12));
        }
    }

    /// <summary>
    /// Without CNOTs every qubit runs RY(π/2) (the H on |0⟩, up to sign), RY(x) and its own RY(w) of each block,
    /// so ⟨Z_q⟩ = cos(π/2 + x_q + Σ_b w_bq) = −sin(x_q + Σ_b w_bq), whatever the other qubits do.
    /// </summary>
    [Test]
    public void SeparableCircuitIsAProductOfOneQubitRotations()
    {
        var shape = new CircuitShape(5, 3, entangling: false);
        var rng = new Random(31);
        double[] inputs = RandomAngles(rng, 5), weights = RandomAngles(rng, shape.WeightCount);
        using var backend = new NativeBackend();
        var z = backend.Evaluate(new CircuitBatch(shape, inputs, weights)).Expectations;
        for (int q = 0; q < 5; q++)
        {
            double angle = inputs[q] + Enumerable.Range(0, 3).Sum(b => weights[b * 5 + q]);
            Assert.That(z[q], Is.EqualTo(-Math.Sin(angle)).Within(1e-12), $"qubit {q}");
        }
        var entangled = backend.Evaluate(new CircuitBatch(new CircuitShape(5, 3), inputs, weights)).Expectations;
        Assert.That(entangled, Is.Not.EqualTo(z).Within(1e-3), "the CNOTs change the outputs");
    }

    [Test]
    public void AgreesWithDenseMatrixReferenceOnRandomCircuits()
    {
        var rng = new Random(2024);
        using var backend = new NativeBackend();
        for (int trial = 0; trial < 120; trial++)
        {
            int n = rng.Next(1, 6), depth = rng.Next(0, 9);
            bool entangling = trial % 3 != 0;
            var shape = new CircuitShape(n, depth, entangling: entangling);
            var inputs = RandomAngles(rng, n);
            var weights = RandomAngles(rng, shape.WeightCount);
            var result = backend.Evaluate(new CircuitBatch(shape, inputs, weights));
            var state = DenseReference.Run(n, depth, inputs, weights, entangling);
            string what = $"trial {trial}: {shape}";
            Assert.That(result.Probabilities, Is.EqualTo(DenseReference.Probabilities(state)).Within(1e-10), what);
            Assert.That(result.Expectations, Is.EqualTo(DenseReference.Expectations(n, state)).Within(1e-10), what);
        }
    }

    [Test]
    public void LargeParallelBatchEqualsCircuitByCircuit()
    {
        var rng = new Random(5);
        var shape = new CircuitShape(4, 6);
        int count = 20_000;
        var batch = new CircuitBatch(shape, RandomAngles(rng, count * 4), RandomAngles(rng, count * shape.WeightCount));
        using var backend = new NativeBackend();
        var result = backend.Evaluate(batch);
        var amplitudes = new double[16];
        var scratch = new double[16];
        foreach (int b in new[] { 0, 1, 4_999, 12_345, count - 1 })
        {
            StateVector.Run(shape, batch.InputsOf(b), batch.WeightsOf(b), amplitudes, scratch);
            var probabilities = amplitudes.Select(a => a * a).ToArray();
            Assert.That(result.ProbabilitiesOf(b).ToArray(), Is.EqualTo(probabilities).Within(1e-15), $"circuit {b}");
        }
    }

    [Test]
    public void ShotFrequenciesConvergeToExactWithinFiveStandardErrors()
    {
        var rng = new Random(3);
        var shape = new CircuitShape(3, 2);
        const int shots = 20_000, count = 20;
        var batch = new CircuitBatch(shape, RandomAngles(rng, count * 3), RandomAngles(rng, count * shape.WeightCount));
        using var backend = new NativeBackend(seed: 99);
        var exact = backend.Evaluate(batch);
        var sampled = backend.Evaluate(batch, shots);
        Assert.Multiple(() =>
        {
            Assert.That(sampled.Shots, Is.EqualTo(shots));
            Assert.That(sampled.ShotSource, Is.EqualTo("sampled from the exact distribution"));
            Assert.That(exact.ShotSource, Is.EqualTo("exact"));
        });
        for (int k = 0; k < exact.Probabilities.Length; k++)
        {
            double p = exact.Probabilities[k], f = sampled.Probabilities[k];
            double standardError = Math.Sqrt(p * (1 - p) / shots);
            Assert.That(f, Is.EqualTo(p).Within(5 * standardError + 1e-12), $"entry {k}");
            Assert.That(f * shots, Is.EqualTo(Math.Round(f * shots)).Within(1e-6), "frequencies are counts / shots");
        }
        for (int b = 0; b < count; b++)
            for (int q = 0; q < 3; q++)
            {
                double z = exact.ExpectationsOf(b)[q];
                double standardError = Math.Sqrt((1 - z * z) / shots);
                Assert.That(sampled.ExpectationsOf(b)[q], Is.EqualTo(z).Within(5 * standardError + 1e-12));
            }
    }

    [Test]
    public void ShotsAreDeterministicForASeed()
    {
        var rng = new Random(4);
        var shape = new CircuitShape(4, 3);
        const int count = 3_000; // large enough to run in parallel
        var batch = new CircuitBatch(shape, RandomAngles(rng, count * 4), RandomAngles(rng, count * shape.WeightCount));
        using var first = new NativeBackend(seed: 7);
        using var second = new NativeBackend(seed: 7);
        using var other = new NativeBackend(seed: 8);
        var a = first.Evaluate(batch, 200);
        var b = second.Evaluate(batch, 200);
        Assert.That(b.Probabilities, Is.EqualTo(a.Probabilities), "same seed, same results");
        Assert.That(other.Evaluate(batch, 200).Probabilities, Is.Not.EqualTo(a.Probabilities), "another seed differs");
        Assert.That(first.Evaluate(batch, 200).Probabilities, Is.Not.EqualTo(a.Probabilities), "a later call draws fresh shots");
    }

    [Test]
    public void BadInputIsRejectedWithAClearMessage()
    {
        var shape = new CircuitShape(2, 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => new CircuitBatch(shape, [0.1, 0.2, 0.3], [0, 0]),
                Throws.ArgumentException.With.Message.Contains("not a multiple of 2 qubits"));
            Assert.That(() => new CircuitBatch(shape, [0.1, 0.2], [0, 0, 0]),
                Throws.ArgumentException.With.Message.Contains("does not match 1 circuits × 2 weights"));
            Assert.That(() => new CircuitBatch(shape, [0.1, double.NaN], [0, 0]),
                Throws.ArgumentException.With.Message.Contains("inputs[1] is NaN"));
            Assert.That(() => new CircuitBatch(shape, [0.1, 0.2], [double.PositiveInfinity, 0]),
                Throws.ArgumentException.With.Message.Contains("finite"));
            Assert.That(() => new CircuitShape(17, 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            using var backend = new NativeBackend();
            Assert.That(() => backend.Evaluate(new CircuitBatch(shape, [0.1, 0.2], [0, 0]), -1),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => StateVector.Run(shape, [0.1], [0, 0], new double[4], new double[4]),
                Throws.ArgumentException.With.Message.Contains("takes 2 inputs and 2 weights"));
        });
    }

    [Test]
    public void AmplitudeEncodingOfTheEmbeddedStateEqualsTheAngleEncoding()
    {
        // H then RY(x_i) leaves qubit i in ((c − s), (c + s))/√2 with c, s = cos, sin(x_i/2): prepare that state as amplitudes.
        var rng = new Random(4);
        double[] x = [.. Enumerable.Range(0, 4).Select(_ => rng.NextDouble() * 3)];
        var weights = Enumerable.Range(0, 12).Select(_ => rng.NextDouble() * 6).ToArray();
        var amplitudes = new double[16];
        for (int k = 0; k < 16; k++)
        {
            amplitudes[k] = 1;
            for (int q = 0; q < 4; q++)
            {
                var (s, c) = Math.SinCos(x[q] / 2);
                amplitudes[k] *= ((k >> (3 - q)) & 1) == 0 ? (c - s) / Math.Sqrt(2) : (c + s) / Math.Sqrt(2);
            }
        }
        var native = new NativeBackend();
        var angle = native.Evaluate(new CircuitBatch(new CircuitShape(4, 3, InputEncoding.Angle, CircuitReadout.Probabilities), x, weights));
        var amplitude = native.Evaluate(new CircuitBatch(new CircuitShape(4, 3, InputEncoding.Amplitude, CircuitReadout.Probabilities), amplitudes, weights));
        Assert.That(amplitude.Probabilities, Is.EqualTo(angle.Probabilities).Within(1e-12));
    }

    [Test]
    public void ShotsAreFrequenciesThatNeverHitImpossibleOutcomes()
    {
        var shape = new CircuitShape(2, 0, InputEncoding.Amplitude, CircuitReadout.Probabilities);
        var p = new NativeBackend(2).Evaluate(new CircuitBatch(shape, [Math.Sqrt(0.5), 0, 0.5, 0.5], []), 5000).Probabilities;
        Assert.That(p.Sum(), Is.EqualTo(1).Within(1e-12));
        Assert.That(p[1], Is.Zero);
        Assert.That(p[0], Is.EqualTo(0.5).Within(0.03));
    }

    [Test, Explicit("throughput measurement, prints circuits/s; no assertion on time")]
    public void MeasureThroughput()
    {
        var rng = new Random(1);
        var shape = new CircuitShape(4, 6);
        const int count = 100_000;
        var batch = new CircuitBatch(shape, RandomAngles(rng, count * 4), RandomAngles(rng, count * shape.WeightCount));
        using var backend = new NativeBackend();
        backend.Evaluate(batch);
        var best = double.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            backend.Evaluate(batch);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        TestContext.Out.WriteLine($"native {shape}: {count / best:N0} circuits/s on {Environment.ProcessorCount} cores");
        var gradients = System.Diagnostics.Stopwatch.StartNew();
        Qtl.Quantum.Gradients.Adjoint.Compute(batch);
        TestContext.Out.WriteLine($"adjoint {shape}: {count / gradients.Elapsed.TotalSeconds:N0} samples/s");
    }
}

using Qtl.Quantum;
using Qtl.Quantum.Gradients;

namespace Qtl.Tests.Quantum;

/// <summary>The QDK simulator and the native engine run the same circuits and must agree.</summary>
[Integration]
public class BackendAgreementTests
{
    [Test]
    public void QdkAndNativeAgreeOnRandomCircuits()
    {
        var rng = new Random(2024);
        using var qsharp = new QSharpBackend(QdkSession.Runtime);
        using var native = new NativeBackend();
        int checkedCircuits = 0;
        // One QDK call per shape keeps the test fast; 120 circuits over 1-8 qubits, depth 0-8, one in five separable.
        for (int qubits = 1; qubits <= 8; qubits++)
        {
            for (int depth = 0; depth <= 8; depth += 2)
            {
                var shape = new CircuitShape(qubits, depth, entangling: depth != 4);
                const int count = 3;
                var batch = new CircuitBatch(shape,
                    Angles(rng, count * qubits), Angles(rng, count * shape.WeightCount));
                var expected = native.Evaluate(batch);
                var actual = qsharp.Evaluate(batch);
                for (int i = 0; i < expected.Expectations.Length; i++)
                    Assert.That(actual.Expectations[i], Is.EqualTo(expected.Expectations[i]).Within(1e-10), $"{shape}, <Z> {i}");
                for (int k = 0; k < expected.Probabilities.Length; k++)
                    Assert.That(actual.Probabilities[k], Is.EqualTo(expected.Probabilities[k]).Within(1e-10), $"{shape}, p {k}");
                checkedCircuits += count;
            }
        }
        Assert.That(checkedCircuits, Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void ParameterShiftOnTheQdkMatchesAdjointOnNative()
    {
        var rng = new Random(5);
        foreach (bool entangling in new[] { true, false })
        {
            var shape = new CircuitShape(4, 6, entangling: entangling);
            var batch = new CircuitBatch(shape, Angles(rng, 2 * 4), Angles(rng, 2 * shape.WeightCount));
            var shift = ParameterShift.Compute(new QSharpBackend(QdkSession.Runtime), batch);
            var adjoint = Adjoint.Compute(batch);
            Assert.That(shift.DWeights, Is.EqualTo(adjoint.DWeights).Within(1e-10), shape.ToString());
            Assert.That(shift.DInputs, Is.EqualTo(adjoint.DInputs).Within(1e-10), shape.ToString());
        }
    }

    [Test]
    public void QdkBuildsTheSameShiftedCircuitsAsTheHost()
    {
        var rng = new Random(11);
        var shape = new CircuitShape(3, 2);
        var batch = new CircuitBatch(shape, Angles(rng, 5 * 3), Angles(rng, 5 * shape.WeightCount));
        var qsharp = new QSharpBackend(QdkSession.Runtime);
        var builtByQsharp = qsharp.EvaluateShifted(batch);
        var builtByHost = qsharp.Evaluate(ParameterShift.Expand(batch));
        Assert.That(builtByQsharp.Count, Is.EqualTo(5 * ParameterShift.CircuitsPerSample(shape)));
        Assert.That(builtByQsharp.Probabilities, Is.EqualTo(builtByHost.Probabilities).Within(1e-14));
    }

    [Test]
    public void QdkShiftedShotsConvergeToTheExactShiftedCircuits()
    {
        var rng = new Random(12);
        var shape = new CircuitShape(2, 1);
        var batch = new CircuitBatch(shape, Angles(rng, 2), Angles(rng, shape.WeightCount));
        const int shots = 4000;
        var measured = new QSharpBackend(QdkSession.Runtime).EvaluateShifted(batch, shots);
        var exact = new NativeBackend().Evaluate(ParameterShift.Expand(batch));
        Assert.That(measured.Count, Is.EqualTo(exact.Count));
        for (int k = 0; k < exact.Probabilities.Length; k++)
        {
            double p = exact.Probabilities[k];
            Assert.That(measured.Probabilities[k], Is.EqualTo(p).Within(ShotNoise.FrequencyTolerance(p, shots)), $"circuit {k / 4}, outcome {k % 4}");
        }
    }

    [Test]
    public void QdkShotsConvergeToTheExactDistribution()
    {
        var shape = new CircuitShape(2, 1);
        var batch = new CircuitBatch(shape, [0.3, -0.7], [1.1, 0.4]);
        const int shots = 4000;
        var measured = new QSharpBackend(QdkSession.Runtime).Evaluate(batch, shots);
        var exact = new NativeBackend().Evaluate(batch);
        Assert.That(measured.ShotSource, Does.Contain("MeasureEachZ"));
        for (int k = 0; k < 4; k++)
        {
            double p = exact.Probabilities[k];
            Assert.That(measured.Probabilities[k], Is.EqualTo(p).Within(ShotNoise.FrequencyTolerance(p, shots)), $"outcome {k}");
        }
    }

    private static double[] Angles(Random rng, int n) =>
        Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();
}

using Qtl.Distillation;
using Qtl.Quantum.Students;
using Qtl.Runtime;

namespace Qtl.Tests.Distillation;

/// <summary>The Q# students (Students.qs, Circuits.qs on the QDK) against the native engine.</summary>
[Integration]
public class QSharpStudentTests
{
    [TestCase(StudentEncoding.Amplitude, 3, 2)]
    [TestCase(StudentEncoding.Amplitude, 4, 3)]
    [TestCase(StudentEncoding.Angle, 3, 2)]
    [TestCase(StudentEncoding.Angle, 4, 2)]
    public void ProbabilitiesAndGradientsEqualNative(StudentEncoding encoding, int qubits, int depth)
    {
        var rng = new Random(qubits * 10 + depth);
        var shape = new StudentShape(qubits, depth, encoding);
        var inputs = Enumerable.Range(0, 3).Select(_ => Encoding.Forward(encoding, Enumerable.Range(0, shape.InputCount).Select(_ => rng.NextDouble() * 4 - 2).ToArray())).ToArray();
        var weights = Enumerable.Range(0, shape.WeightCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        var dLdp = inputs.Select(_ => Enumerable.Range(0, shape.StateCount).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var native = new NativeStudentBackend(1);
        var qsharp = new QSharpStudentBackend(QdkSession.Runtime);

        Assert.That(qsharp.Probabilities(shape, inputs, weights, 0), Is.EqualTo(native.Probabilities(shape, inputs, weights, 0)).Within(1e-10));
        var (qIn, qW) = qsharp.Backward(shape, inputs, weights, dLdp);
        var (nIn, nW) = native.Backward(shape, inputs, weights, dLdp);
        Assert.That(qW, Is.EqualTo(nW).Within(1e-9), "weight gradient: parameter shift on the QDK vs adjoint");
        for (int b = 0; b < inputs.Length; b++)
            Assert.That(qIn[b], Is.EqualTo(nIn[b]).Within(1e-9), $"input gradient of sample {b}");
    }

    [Test]
    public void QSharpShotsAreFrequenciesOfMeasurements()
    {
        var shape = new StudentShape(2, 1, StudentEncoding.Amplitude);
        var p = new QSharpStudentBackend(QdkSession.Runtime).Probabilities(shape, [[0.6, 0, 0, 0.8]], [0.0, 0.0], 200);
        Assert.That(p.Sum(), Is.EqualTo(1).Within(1e-12));
        foreach (var v in p)
            Assert.That(v * 200, Is.EqualTo(Math.Round(v * 200)).Within(1e-9), "frequencies are counts / shots (k / 200 * 200 is not always exactly k in floating point)");
    }
}

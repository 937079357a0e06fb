using Qtl.Distillation;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;

namespace Qtl.Tests.Quantum;

/// <summary>
/// The students' circuits (amplitude and angle encoding from Circuits.qs, probability
/// readout) on the QDK against the native engine: outputs, and parameter-shift on the QDK against adjoint.
/// </summary>
[Integration]
public class ProbabilityReadoutAgreementTests
{
    [TestCase(InputEncoding.Amplitude, 3, 2)]
    [TestCase(InputEncoding.Amplitude, 4, 3)]
    [TestCase(InputEncoding.Angle, 3, 2)]
    [TestCase(InputEncoding.Angle, 4, 2)]
    [TestCase(InputEncoding.Amplitude, 3, 2, false)]
    public void ProbabilitiesAndGradientsEqualNative(InputEncoding encoding, int qubits, int depth, bool entangling = true)
    {
        var rng = new Random(qubits * 10 + depth);
        var shape = new CircuitShape(qubits, depth, encoding, CircuitReadout.Probabilities, entangling);
        var inputs = Enumerable.Range(0, 3).Select(_ => StudentEncoder.Encode(encoding, Enumerable.Range(0, shape.InputCount).Select(_ => rng.NextDouble() * 4 - 2).ToArray())).ToArray();
        var weights = Enumerable.Range(0, shape.WeightCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        var batch = CircuitBatch.SharedWeights(shape, inputs, weights);
        var qsharp = new QSharpBackend(QdkSession.Runtime);

        Assert.That(qsharp.Evaluate(batch).Probabilities, Is.EqualTo(new NativeBackend().Evaluate(batch).Probabilities).Within(1e-10));
        var shifted = ParameterShift.Compute(qsharp, batch);
        var adjoint = Adjoint.Compute(batch);
        Assert.That(shifted.Outputs, Is.EqualTo(adjoint.Outputs).Within(1e-10), "probabilities");
        Assert.That(shifted.DWeights, Is.EqualTo(adjoint.DWeights).Within(1e-9), "weight derivatives: parameter shift on the QDK vs adjoint");
        Assert.That(shifted.DInputs, Is.EqualTo(adjoint.DInputs).Within(1e-9), "input derivatives");
    }

    [Test]
    public void QSharpShotsAreFrequenciesOfMeasurements()
    {
        var shape = new CircuitShape(2, 1, InputEncoding.Amplitude, CircuitReadout.Probabilities);
        var p = new QSharpBackend(QdkSession.Runtime).Evaluate(new CircuitBatch(shape, [0.6, 0, 0, 0.8], [0.0, 0.0]), 200).Probabilities;
        Assert.That(p.Sum(), Is.EqualTo(1).Within(1e-12));
        foreach (var v in p)
            Assert.That(v * 200, Is.EqualTo(Math.Round(v * 200)).Within(1e-9), "frequencies are counts / shots (k / 200 * 200 is not always exactly k in floating point)");
    }
}

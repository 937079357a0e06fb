using Qtl.Model;
using Qtl.Distillation;
using Qtl.Quantum.Students;

namespace Qtl.Tests.Distillation;

/// <summary>The whole student (front-end, tanh encoding, circuit, readout, KD loss) against finite differences, native backend.</summary>
public class StudentGradientTests
{
    [TestCase(StudentEncoding.Amplitude, 3, 2, 6)]
    [TestCase(StudentEncoding.Angle, 3, 3, 6)]
    [TestCase(StudentEncoding.Amplitude, 4, 2, 8)]
    [TestCase(StudentEncoding.Angle, 4, 2, 8)]
    public void EveryParameterGradientMatchesFiniteDifferences(StudentEncoding encoding, int qubits, int depth, int classes)
    {
        var rng = new Random(11);
        var images = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 784).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToArray();
        int[] labels = [0, 1, 2, classes - 1];
        var soft = images.Select(_ => { var s = new double[classes]; Probabilities.Softmax(Enumerable.Range(0, classes).Select(_ => rng.NextDouble() * 4).ToArray(), 3, s); return s; }).ToArray();
        var model = new StudentModel(new StudentShape(qubits, depth, encoding), classes, FrontEnd.Linear, images, rng);
        var backend = new NativeStudentBackend(1);

        double Loss(bool backward)
        {
            var pass = model.Forward(backend, images, 0, training: backward);
            double total = 0;
            var dLogits = new double[images.Length][];
            for (int b = 0; b < images.Length; b++)
            {
                dLogits[b] = new double[classes];
                total += KdLoss.Compute(pass.Logits[b], labels[b], soft[b], 3, 0.9, dLogits[b]) / images.Length;
                for (int k = 0; k < classes; k++) dLogits[b][k] /= images.Length;
            }
            if (backward)
            {
                foreach (var p in model.Parameters) p.ZeroGradient();
                model.Backward(backend, pass, dLogits);
            }
            return total;
        }

        Loss(backward: true);
        // Every circuit weight; a spread of front-end weights and every bias.
        int checkedCount = FiniteDifferences.Check(model.Parameters, () => Loss(false), rng, allBelow: 64, samples: 40, h: 1e-5);
        Assert.That(checkedCount, Is.GreaterThan(40));
    }

    [Test]
    public void AngleStudentEqualsTheDressedCircuitOfTheNativeBackend()
    {
        var rng = new Random(4);
        var shape = new StudentShape(4, 3, StudentEncoding.Angle);
        var inputs = Enumerable.Range(0, 4).Select(_ => rng.NextDouble() * 3).ToArray();
        var weights = Enumerable.Range(0, shape.WeightCount).Select(_ => rng.NextDouble() * 6).ToArray();
        var p = new double[16];
        StudentCircuit.Probabilities(shape, inputs, weights, p);
        var expected = new Qtl.Quantum.NativeBackend().Evaluate(new Qtl.Quantum.CircuitBatch(new Qtl.Quantum.CircuitShape(4, 3), inputs, weights));
        Assert.That(p, Is.EqualTo(expected.Probabilities).Within(1e-12));
    }

    [Test]
    public void ShotsAreFrequenciesThatNeverHitImpossibleOutcomes()
    {
        double[] p = [0.5, 0, 0.25, 0.25];
        StudentCircuit.Sample(p, 5000, new Random(2));
        Assert.That(p.Sum(), Is.EqualTo(1).Within(1e-12));
        Assert.That(p[1], Is.Zero);
        Assert.That(p[0], Is.EqualTo(0.5).Within(0.03));
    }
}

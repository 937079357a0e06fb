using Qtl.Quantum.Gradients;
using Qtl.Distillation;
using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Tests.Distillation;

/// <summary>The whole student (front-end, tanh encoding, circuit, readout, KD loss) against finite differences, native backend.</summary>
public class StudentGradientTests
{
    [TestCase(InputEncoding.Amplitude, 3, 2, 6, GradientMethod.Adjoint)]
    [TestCase(InputEncoding.Angle, 3, 3, 6, GradientMethod.Adjoint)]
    [TestCase(InputEncoding.Amplitude, 4, 2, 8, GradientMethod.Adjoint)]
    [TestCase(InputEncoding.Angle, 4, 2, 8, GradientMethod.Adjoint)]
    [TestCase(InputEncoding.Amplitude, 3, 2, 6, GradientMethod.ParameterShift)]
    [TestCase(InputEncoding.Angle, 3, 2, 6, GradientMethod.ParameterShift)]
    public void EveryParameterGradientMatchesFiniteDifferences(InputEncoding encoding, int qubits, int depth, int classes, GradientMethod gradient)
    {
        var rng = new Random(11);
        var images = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 784).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToArray();
        int[] labels = [0, 1, 2, classes - 1];
        var soft = images.Select(_ => { var s = new double[classes]; Probabilities.Softmax(Enumerable.Range(0, classes).Select(_ => rng.NextDouble() * 4).ToArray(), 3, s); return s; }).ToArray();
        var shape = new CircuitShape(qubits, depth, encoding, CircuitReadout.Probabilities);
        var model = new StudentModel(shape, classes, FrontEnd.Linear, images, new NativeBackend(1), gradient, rng);

        double Loss(bool backward)
        {
            var pass = model.Forward(images, training: backward);
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
                model.Backward(pass, dLogits);
            }
            return total;
        }

        Loss(backward: true);
        // Every circuit weight; a spread of front-end weights and every bias.
        int checkedCount = FiniteDifferences.Check(model.Parameters, () => Loss(false), rng, allBelow: 64, samples: 40, h: 1e-5);
        Assert.That(checkedCount, Is.GreaterThan(40));
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
}

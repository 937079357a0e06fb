using Qtl.Distillation;
using Qtl.Model;
using Qtl.Quantum.Gradients;
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
        var model = Students.Create(shape, classes, FrontEnd.Linear, images, new NativeBackend(1), gradient, rng);

        double Loss(bool backward)
        {
            var logits = model.Forward(images, training: backward);
            double total = 0;
            var dLogits = new double[images.Length][];
            for (int b = 0; b < images.Length; b++)
            {
                dLogits[b] = new double[classes];
                total += new KdLoss(3, 0.9).Compute(logits[b], labels[b], soft[b], dLogits[b]) / images.Length;
                for (int k = 0; k < classes; k++) dLogits[b][k] /= images.Length;
            }
            if (backward)
            {
                model.ZeroGradients();
                model.Backward(dLogits);
            }
            return total;
        }

        Loss(backward: true);
        // Every circuit weight; a spread of front-end weights and every bias.
        int checkedCount = FiniteDifferences.Check(model.Parameters, () => Loss(false), rng, allBelow: 64, samples: 40, h: 1e-5);
        Assert.That(checkedCount, Is.GreaterThan(40));
    }
}

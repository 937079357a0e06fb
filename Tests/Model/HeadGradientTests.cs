using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Tests.Model;

/// <summary>Backpropagation through every head equals central finite differences of the loss.</summary>
public class HeadGradientTests
{
    [TestCase(HeadKind.Quantum, BackendKind.Native, GradientMethod.Adjoint)]
    [TestCase(HeadKind.Quantum, BackendKind.Native, GradientMethod.ParameterShift)]
    [TestCase(HeadKind.Quantum, BackendKind.QSharp, GradientMethod.ParameterShift, Category = IntegrationAttribute.Category)]
    [TestCase(HeadKind.Classical, BackendKind.Native, GradientMethod.ParameterShift)]
    [TestCase(HeadKind.Linear, BackendKind.Native, GradientMethod.ParameterShift)]
    public void BackwardMatchesFiniteDifferences(HeadKind kind, BackendKind backendName, GradientMethod method)
    {
        var options = new TrainingOptions { Qubits = 3, Depth = 2, QDelta = 0.5, Seed = 11, Backend = backendName, GradientMethod = method };
        using var backend = Backends.Create(backendName, QdkSession.Runtime);
        var head = Heads.Create(kind, features: 5, classes: 3, options, backend);
        var rng = new Random(4);
        var x = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 5).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToArray();
        int[] y = [0, 2, 1];

        head.ZeroGradients();
        MeanCrossEntropy(head.Forward(x, training: true), y, out var grad);
        head.Backward(grad);

        // The native engine is exact, so finite differences of the loss are a clean reference.
        using var native = new NativeBackend();
        var reference = Heads.Create(kind, 5, 3, options with { Backend = BackendKind.Native }, native);
        double LossAt() => MeanCrossEntropy(reference.Forward(x, training: false), y, out _);
        const double h = 1e-5;
        foreach (var (p, q) in head.Parameters.Zip(reference.Parameters))
        {
            for (int i = 0; i < p.Value.Length; i++)
            {
                q.Value[i] = p.Value[i] + h;
                double up = LossAt();
                q.Value[i] = p.Value[i] - h;
                double down = LossAt();
                q.Value[i] = p.Value[i];
                Assert.That(p.Gradient[i], Is.EqualTo((up - down) / (2 * h)).Within(1e-7), $"{p.Name}[{i}]");
            }
        }
    }

    /// <summary>The batch mean, as the trainer takes it: each sample's loss and gradient over the batch size.</summary>
    private static double MeanCrossEntropy(double[][] logits, int[] labels, out double[][] gradient)
    {
        double loss = 0;
        gradient = new double[logits.Length][];
        for (int b = 0; b < logits.Length; b++)
        {
            gradient[b] = new double[logits[b].Length];
            loss += CrossEntropyLoss.Instance.Compute(logits[b], labels[b], default, gradient[b]) / logits.Length;
            for (int k = 0; k < gradient[b].Length; k++) gradient[b][k] /= logits.Length;
        }
        return loss;
    }

    [Test]
    public void AdamTakesTheTextbookFirstStep()
    {
        var p = new Parameter("p", [1.0, -2.0]);
        p.Gradient[0] = 0.5;
        p.Gradient[1] = -3.0;
        new Adam([p]).Step(0.1);
        // After one step m̂ = g and v̂ = g², so each value moves by lr·sign(g) (up to ε).
        Assert.That(p.Value[0], Is.EqualTo(0.9).Within(1e-7));
        Assert.That(p.Value[1], Is.EqualTo(-1.9).Within(1e-7));
    }

    [Test]
    public void StepLrDropsTheRateEveryStepSizeEpochs()
    {
        var o = new TrainingOptions { LearningRate = 0.0004, StepSize = 10, Gamma = 0.1 };
        Assert.That(o.Schedule.At(9), Is.EqualTo(0.0004));
        Assert.That(o.Schedule.At(10), Is.EqualTo(0.00004).Within(1e-15));
        Assert.That(o.Schedule.At(25), Is.EqualTo(0.000004).Within(1e-16));
        Assert.That(new StepLR(0.001).At(1000), Is.EqualTo(0.001), "a constant rate keeps its bits");
    }
}

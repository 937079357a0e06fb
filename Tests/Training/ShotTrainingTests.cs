using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum.Noise;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Tests.Training;

/// <summary>Training the quantum head the way hardware would allow: from shots, and under noise.</summary>
public class ShotTrainingTests
{
    private static readonly TrainingOptions Fast =
        TransferTrainerTests.Fast with { Epochs = 5, GradientMethod = GradientMethod.ParameterShift };

    [Test]
    public void WithShotsTheTrainingForwardEstimatesEveryCircuitFromShots()
    {
        var shape = new CircuitShape(2, 2);
        double[][] x = [[0.3, -0.5], [1.0, 0.2]];
        double[] w = [0.4, -0.3, 0.8, 0.1];
        var exact = new QuantumLayer(shape, new NativeBackend(), GradientMethod.ParameterShift, w).Forward(x, training: true);
        var layer = new QuantumLayer(shape, new NativeBackend(seed: 5), GradientMethod.ParameterShift, w) { Shots = 2000 };
        var sampled = layer.Forward(x, training: true);
        for (int b = 0; b < 2; b++)
            for (int i = 0; i < 2; i++)
            {
                double z = exact[b][i], se = Math.Sqrt((1 - z * z) / 2000);
                Assert.That(sampled[b][i], Is.EqualTo(z).Within(5 * se));
                Assert.That(sampled[b][i], Is.Not.EqualTo(z), "shot estimates should carry shot noise");
            }
        // The Jacobian comes from shot-estimated shifted circuits too, so the backward pass runs on it.
        Assert.That(layer.Backward([[1, 0], [0, 1]]).SelectMany(r => r).All(double.IsFinite));
    }

    [Test]
    public void AdjointWithShotsIsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<UserError>(() => (Fast with { GradientMethod = GradientMethod.Adjoint, Shots = 100 }).Validate())!;
        Assert.That(error.Message, Does.Contain("parameter-shift").And.Contain("adjoint"));
        var layer = new QuantumLayer(new CircuitShape(2, 1), new NativeBackend(), GradientMethod.Adjoint, [0.1, 0.2]) { Shots = 100 };
        var e = Assert.Throws<InvalidOperationException>(() => layer.Forward([[0.1, 0.2]], training: true))!;
        Assert.That(e.Message, Does.Contain("parameter-shift"));
        Assert.That(layer.Forward([[0.1, 0.2]], training: false), Has.Length.EqualTo(1), "inference with shots stays allowed");
    }

    [Test]
    public void TheHeadLearnsFromShotsAndUnderNoise()
    {
        var data = SyntheticData.Blobs(perClass: 24, features: 6, seed: 1);
        var fromShots = new TransferTrainer(Fast with { Shots = 500 }, new NativeBackend()).Train(HeadKind.Quantum, data);
        Assert.That(fromShots.BestValidationAccuracy, Is.GreaterThanOrEqualTo(0.85), "trained from 500-shot parameter-shift estimates");
        var underNoise = new TransferTrainer(Fast, new NoisyNativeBackend(NoiseModel.Depolarizing(0.02))).Train(HeadKind.Quantum, data);
        Assert.That(underNoise.BestValidationAccuracy, Is.GreaterThanOrEqualTo(0.85), "trained on exact noisy expectations");
    }
}

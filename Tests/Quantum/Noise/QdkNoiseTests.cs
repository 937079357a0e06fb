using Qtl.Quantum;
using Qtl.Quantum.Noise;

namespace Qtl.Tests.Quantum.Noise;

/// <summary>
/// The QDK's noisy simulator (runWithNoise, shot by shot) and the native density matrix must describe
/// the same noise: same channels, same placement after each gate and before measurement.
/// </summary>
[Integration]
public class QdkNoiseTests
{
    [TestCase(0.02, 0.02, 0.02, TestName = "Depolarizing p = 0.06 (0.02 each)")]
    [TestCase(0.06, 0.0, 0.12, true, TestName = "Asymmetric X and Z noise")]
    [TestCase(0.06, 0.0, 0.12, false, TestName = "Asymmetric X and Z noise, separable circuit")]
    public void QdkNoisyShotsAgreeWithNativeNoisyExpectations(double px, double py, double pz, bool entangling = true)
    {
        var noise = new NoiseModel(px, py, pz);
        var shape = new CircuitShape(2, 1, entangling: entangling);
        var batch = new CircuitBatch(shape, [0.3, -0.7, 1.2, 0.4], [1.1, 0.4, -0.8, 2.0]);
        const int shots = 4000;
        var measured = new QdkNoisyBackend(noise, QdkSession.Runtime).Evaluate(batch, shots);
        var exact = new NoisyNativeBackend(noise).Evaluate(batch);
        var noiseless = new NativeBackend().Evaluate(batch);
        Assert.That(measured.ShotSource, Does.Contain("runWithNoise"));
        bool noiseVisible = false;
        for (int i = 0; i < exact.Expectations.Length; i++)
        {
            double z = exact.Expectations[i], tolerance = ShotNoise.ExpectationTolerance(z, shots);
            Assert.That(measured.Expectations[i], Is.EqualTo(z).Within(tolerance), $"<Z> {i}");
            noiseVisible |= Math.Abs(noiseless.Expectations[i] - z) > tolerance;
        }
        for (int k = 0; k < exact.Probabilities.Length; k++)
        {
            double p = exact.Probabilities[k];
            Assert.That(measured.Probabilities[k], Is.EqualTo(p).Within(ShotNoise.FrequencyTolerance(p, shots)), $"p {k}");
        }
        Assert.That(noiseVisible, "the noise should move some <Z> by more than the shot noise, or the test proves nothing");
    }

    [Test]
    public void TheQdkNoisyBackendRefusesExactMode()
    {
        var batch = new CircuitBatch(new CircuitShape(1, 0), [0.1], []);
        var error = Assert.Throws<ArgumentException>(() => new QdkNoisyBackend(NoiseModel.Depolarizing(0.1), QdkSession.Runtime).Evaluate(batch))!;
        Assert.That(error.Message, Does.Contain("shot-based").And.Contain(nameof(NoisyNativeBackend)));
    }

    [Test]
    public void InvalidNoiseIsRefusedWithTheAllowedRange()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => new NoiseModel(0.5, 0.4, 0.2))!.Message, Does.Contain("at most 1"));
        Assert.That(Assert.Throws<ArgumentException>(() => NoiseModel.Depolarizing(-0.1))!.Message, Does.Contain("0 to 1"));
    }
}

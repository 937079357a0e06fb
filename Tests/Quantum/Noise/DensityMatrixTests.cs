using Qtl.Quantum;
using Qtl.Quantum.Noise;

namespace Qtl.Tests.Quantum.Noise;

/// <summary>The native density-matrix engine: noiseless it is the state vector; its channels shrink Pauli expectations analytically.</summary>
public class DensityMatrixTests
{
    [Test]
    public void WithoutNoiseTheDensityMatrixIsThePureStateOfTheStateVector()
    {
        var rng = new Random(11);
        for (int qubits = 1; qubits <= 5; qubits++)
            for (int depth = 0; depth <= 4; depth += 2)
            {
                var shape = new CircuitShape(qubits, depth, entangling: depth != 2);
                double[] inputs = Angles(rng, qubits), weights = Angles(rng, shape.WeightCount);
                var psi = new double[shape.StateCount];
                StateVector.Run(shape, inputs, weights, psi);
                var rho = new double[shape.StateCount * shape.StateCount];
                DensityMatrix.Run(shape, inputs, weights, NoiseModel.Noiseless, rho);
                for (int r = 0; r < shape.StateCount; r++)
                    for (int c = 0; c < shape.StateCount; c++)
                        Assert.That(rho[r * shape.StateCount + c], Is.EqualTo(psi[r] * psi[c]).Within(1e-12), $"{shape}, ρ[{r},{c}]");
            }
    }

    [Test]
    public void NoiselessNoisyBackendEqualsTheNativeBackend()
    {
        var rng = new Random(3);
        var shape = new CircuitShape(4, 6);
        var batch = new CircuitBatch(shape, Angles(rng, 5 * 4), Angles(rng, 5 * shape.WeightCount));
        var exact = new NativeBackend().Evaluate(batch);
        var noisy = new NoisyNativeBackend(NoiseModel.Noiseless).Evaluate(batch);
        Assert.That(noisy.Expectations, Is.EqualTo(exact.Expectations).Within(1e-12));
        Assert.That(noisy.Probabilities, Is.EqualTo(exact.Probabilities).Within(1e-12));
    }

    [TestCase(0.01)]
    [TestCase(0.3)]
    [TestCase(0.75)]
    public void DepolarizingOneQubitShrinksZByOneMinusFourThirdsP(double p)
    {
        // One qubit rotated to <Z> = cos θ, <X> = sin θ, then one depolarizing channel.
        const double theta = 0.7;
        var rho = new double[4];
        rho[0] = 1;
        var (s, c) = Math.SinCos(theta / 2);
        DensityMatrix.ApplyOneQubit(rho, 1, 0, c, -s, s, c);
        DensityMatrix.ApplyPauliChannel(rho, 1, 0, NoiseModel.Depolarizing(p));
        double factor = 1 - 4 * p / 3;
        Assert.That(rho[0] - rho[3], Is.EqualTo(factor * Math.Cos(theta)).Within(1e-14), "<Z>");
        Assert.That(rho[1] + rho[2], Is.EqualTo(factor * Math.Sin(theta)).Within(1e-14), "<X>");
        Assert.That(DensityMatrix.Trace(rho, 1), Is.EqualTo(1).Within(1e-14));
    }

    [Test]
    public void APauliChannelShrinksZByFlipsAndXByYAndZFaults()
    {
        var noise = new NoiseModel(0.05, 0.02, 0.1);
        // Qubit 1 of a 3-qubit product state; the other qubits must not matter.
        var shape = new CircuitShape(3, 0);
        var rho = new double[64];
        DensityMatrix.Run(shape, [0.4, 1.1, -0.3], [], NoiseModel.Noiseless, rho);
        double z0 = ZOf(rho, 3, 1);
        DensityMatrix.ApplyPauliChannel(rho, 3, 1, noise);
        Assert.That(ZOf(rho, 3, 1), Is.EqualTo((1 - 2 * (noise.Px + noise.Py)) * z0).Within(1e-14));
        Assert.That(DensityMatrix.Trace(rho, 3), Is.EqualTo(1).Within(1e-14));
    }

    [Test]
    public void NoisyProbabilitiesStayADistributionAndNoiseLowersTheLargestOne()
    {
        var shape = new CircuitShape(4, 6);
        var rng = new Random(8);
        var batch = new CircuitBatch(shape, Angles(rng, 4), Angles(rng, shape.WeightCount));
        double previous = double.MaxValue;
        foreach (double p in new[] { 0, 1e-3, 1e-2, 0.1, 0.5 })
        {
            var result = new NoisyNativeBackend(NoiseModel.Depolarizing(p)).Evaluate(batch);
            Assert.That(result.Probabilities.Sum(), Is.EqualTo(1).Within(1e-12));
            Assert.That(result.Probabilities.Min(), Is.GreaterThanOrEqualTo(-1e-15));
            double purity = result.Expectations.Sum(z => z * z);
            Assert.That(purity, Is.LessThan(previous), $"p={p}: noise should pull <Z> towards 0");
            previous = purity;
        }
    }

    [Test]
    public void SampledShotsFollowTheNoisyDistribution()
    {
        var shape = new CircuitShape(3, 2);
        var batch = new CircuitBatch(shape, [0.2, -0.9, 1.3], [0.5, 0.1, -0.4, 1.2, -0.7, 0.3]);
        using var backend = new NoisyNativeBackend(NoiseModel.Depolarizing(0.05), seed: 4);
        var exact = backend.Evaluate(batch);
        const int shots = 20000;
        var sampled = backend.Evaluate(batch, shots);
        Assert.That(sampled.ShotSource, Is.EqualTo(NoisyNativeBackend.SampledShotSource));
        for (int k = 0; k < 8; k++)
        {
            double p = exact.Probabilities[k], se = Math.Sqrt(p * (1 - p) / shots);
            Assert.That(sampled.Probabilities[k], Is.EqualTo(p).Within(5 * se + 1e-12), $"outcome {k}");
        }
    }

    internal static double[] Angles(Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => (rng.NextDouble() * 2 - 1) * Math.PI).ToArray();

    private static double ZOf(double[] rho, int n, int q)
    {
        int dim = 1 << n, mask = StateVector.Mask(n, q);
        double z = 0;
        for (int k = 0; k < dim; k++) z += (k & mask) == 0 ? rho[k * dim + k] : -rho[k * dim + k];
        return z;
    }
}

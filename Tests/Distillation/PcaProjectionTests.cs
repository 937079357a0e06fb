using Qtl.Distillation;

namespace Qtl.Tests.Distillation;

public class PcaProjectionTests
{
    private static double[][] Images(int count, int seed)
    {
        // Three directions with variances 9, 4 and 1 in 6 dimensions, plus a constant offset.
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            double a = 3 * Normal(), b = 2 * Normal(), c = Normal();
            return new[] { 5 + a, 5 - a, b, b, c, 0.0 };
        })];
    }

    [Test]
    public void ComponentsOfTheTrainingImagesAreCentredUncorrelatedAndOfUnitVariance()
    {
        var images = Images(400, 1);
        var pca = new PcaProjection(images, 3);
        var z = pca.Forward(images, training: false);
        for (int k = 0; k < 3; k++)
        {
            double mean = z.Average(r => r[k]);
            double variance = z.Sum(r => (r[k] - mean) * (r[k] - mean)) / (z.Length - 1);
            Assert.That(mean, Is.EqualTo(0).Within(1e-12), $"component {k} mean");
            Assert.That(variance, Is.EqualTo(1).Within(1e-9), $"component {k} variance (whitened)");
            for (int j = 0; j < k; j++)
                Assert.That(z.Sum(r => r[k] * r[j]), Is.EqualTo(0).Within(1e-8), $"components {j} and {k} correlate");
        }
    }

    [Test]
    public void TheFirstComponentFollowsTheDirectionOfLargestVariance()
    {
        var images = Images(400, 2);
        var z = new PcaProjection(images, 1).Forward(images, training: false);
        // Direction (1, −1, 0, …)/√2 carries a = 3·N(0,1): the first component is ±a/σ_a.
        double correlation = Correlation(z.Select(r => r[0]).ToArray(), images.Select(x => x[0] - x[1]).ToArray());
        Assert.That(Math.Abs(correlation), Is.GreaterThan(0.999));
    }

    [Test]
    public void MoreComponentsThanTheDataSupportsAreZeroAndItHasNoParameters()
    {
        var images = Images(50, 3);
        var pca = new PcaProjection(images, 8);
        var z = pca.Forward(images, training: false);
        // Rank 3 data: the components beyond it are zero rather than noise blown up by a tiny σ.
        Assert.That(z.SelectMany(r => r.Skip(3)).All(v => Math.Abs(v) < 1e-6), Is.True);
        Assert.That(pca.Parameters, Is.Empty);
    }

    [Test]
    public void BackwardIsTheTransposeOfTheProjection()
    {
        var images = Images(40, 4);
        var pca = new PcaProjection(images, 3);
        var x = images[0];
        double[] g = [0.3, -1.0, 0.5];
        var dx = pca.Backward([g])[0];
        // The map is affine, so dL/dx_j = Σ_k g_k ∂z_k/∂x_j: compare with differences of the forward pass.
        var z0 = pca.Forward([x], training: false)[0];
        for (int j = 0; j < x.Length; j++)
        {
            var shifted = (double[])x.Clone();
            shifted[j] += 1;
            var z1 = pca.Forward([shifted], training: false)[0];
            Assert.That(dx[j], Is.EqualTo(Enumerable.Range(0, 3).Sum(k => g[k] * (z1[k] - z0[k]))).Within(1e-9), $"input {j}");
        }
    }

    private static double Correlation(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        double cov = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return cov / Math.Sqrt(a.Sum(v => (v - ma) * (v - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }
}

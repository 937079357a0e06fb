using Qtl.Quantum;

namespace Qtl.Tests.Quantum;

/// <summary>The native engine's own sin/cos of half angles against the C runtime's.</summary>
public class HalfAnglesTests
{
    [Test]
    public void AgreesWithMathSinCosToAFewUlpsOnEveryQuadrant()
    {
        var rng = new Random(7);
        double[] angles = [.. Enumerable.Range(0, 4001).Select(_ => (rng.NextDouble() * 2 - 1) * 200),
            0, Math.PI, -Math.PI, Math.PI / 2, 3 * Math.PI / 2, 2 * Math.PI, 1e-300, -7.5, 1e5];
        var sin = new double[angles.Length];
        var cos = new double[angles.Length];
        StateVector.HalfAngleSinCos(angles, sin, cos);
        for (int i = 0; i < angles.Length; i++)
        {
            var (s, c) = Math.SinCos(angles[i] * 0.5);
            Assert.That(sin[i], Is.EqualTo(s).Within(4e-16), $"sin({angles[i]}/2)");
            Assert.That(cos[i], Is.EqualTo(c).Within(4e-16), $"cos({angles[i]}/2)");
        }
    }
}

using MathNet.Numerics.LinearAlgebra;
using Qtl.Model;

namespace Qtl.Tests.Model;

/// <summary>Linear's backward pass gives the bits of the matrix products it replaced (gᵀ·x, g·W), so earlier runs repeat.</summary>
public class LinearTests
{
    [TestCase(1)]
    [TestCase(4)]
    [TestCase(7)]
    public void BackwardEqualsTheMatrixProductsBitForBit(int batch)
    {
        var rng = new Random(batch);
        var layer = new Linear("l", 37, 11, rng);
        var x = Enumerable.Range(0, batch).Select(_ => Enumerable.Range(0, 37).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var g = Enumerable.Range(0, batch).Select(_ => Enumerable.Range(0, 11).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        layer.Forward(x, training: true);
        var dx = layer.Backward(g);
        var (X, G) = (Matrix<double>.Build.DenseOfRowArrays(x), Matrix<double>.Build.DenseOfRowArrays(g));
        var W = Matrix<double>.Build.Dense(11, 37, (r, c) => layer.Weight.Value[r * 37 + c]);
        var dW = G.Transpose() * X;
        Assert.That(dx, Is.EqualTo((G * W).ToRowArrays()));
        Assert.That(layer.Weight.Gradient, Is.EqualTo(Enumerable.Range(0, 11 * 37).Select(i => dW[i / 37, i % 37])));
    }
}

using MathNet.Numerics.LinearAlgebra;
using Qtl.Model;

namespace Qtl.Distillation;

/// <summary>A fixed whitened PCA: z = ((x − mean) · V_m) / σ_m, fitted once on the training images.</summary>
public sealed class PcaProjection : ILayer
{
    private readonly double[] _mean;
    private readonly Matrix<double> _projection; // inputs × outputs, whitening included

    public PcaProjection(double[][] images, int components)
    {
        int d = images[0].Length;
        _mean = new double[d];
        foreach (var x in images) for (int j = 0; j < d; j++) _mean[j] += x[j] / images.Length;
        var centered = Matrix<double>.Build.Dense(images.Length, d, (i, j) => images[i][j] - _mean[j]);
        var svd = centered.Svd(computeVectors: true);
        int m = Math.Min(components, Math.Min(images.Length, d));
        _projection = Matrix<double>.Build.Dense(d, components);
        for (int k = 0; k < m; k++)
        {
            double sigma = svd.S[k] / Math.Sqrt(Math.Max(1, images.Length - 1));
            if (sigma < 1e-12) continue;
            for (int j = 0; j < d; j++) _projection[j, k] = svd.VT[k, j] / sigma;
        }
        Outputs = components;
    }

    public int Outputs { get; }
    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => $"PCA(784→{Outputs}, whitened, fixed)";

    public double[][] Forward(double[][] input, bool training)
    {
        var x = Matrix<double>.Build.Dense(input.Length, _mean.Length, (i, j) => input[i][j] - _mean[j]);
        return (x * _projection).ToRowArrays();
    }

    public double[][] Backward(double[][] outputGradient) =>
        (Matrix<double>.Build.DenseOfRowArrays(outputGradient) * _projection.Transpose()).ToRowArrays();
}

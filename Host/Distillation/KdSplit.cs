using Qtl.Data;

namespace Qtl.Distillation;

/// <summary>Images of one split restricted to the chosen classes: normalised pixels, labels 0..C−1, indices into the file.</summary>
public sealed record KdSplit(double[][] Pixels, int[] Labels, int[] Indices, FashionMnistSplit File)
{
    public int Count => Labels.Length;
}

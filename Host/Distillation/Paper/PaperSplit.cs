namespace Qtl.Distillation.Paper;

/// <summary>Images of one split: normalised for the teachers (<see cref="KdSplit"/>) and in [0, 1] for the student, as the paper feeds it.</summary>
public sealed record PaperSplit(KdSplit Teacher, double[][] Pixels)
{
    public int Count => Pixels.Length;
    public int[] Labels => Teacher.Labels;

    public static PaperSplit From(KdSplit split) => new(split, split.Indices.Select(i => Unit(split.File.Images.Image(i))).ToArray());

    private static double[] Unit(ReadOnlySpan<byte> image)
    {
        var x = new double[image.Length];
        for (int j = 0; j < x.Length; j++) x[j] = image[j] / 255.0;
        return x;
    }
}

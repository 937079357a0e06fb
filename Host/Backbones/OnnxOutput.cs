namespace Qtl.Backbones;

/// <summary>A float32 tensor returned by a model: row-major data and its dimensions.</summary>
public sealed record OnnxOutput(string Name, float[] Data, int[] Dims)
{
    /// <summary>Number of values per batch item (product of all dimensions but the first).</summary>
    public int RowLength => Dims.Skip(1).Aggregate(1, (a, b) => a * b);
}

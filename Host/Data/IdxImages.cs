namespace Qtl.Data;

/// <summary>Greyscale images of one IDX file: <see cref="Count"/> images of Rows × Columns bytes, row-major.</summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels)
{
    public int ImageSize => Rows * Columns;
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * ImageSize, ImageSize);
}

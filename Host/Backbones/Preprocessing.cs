namespace Qtl.Backbones;

/// <summary>
/// How a backbone wants its images: the input size and channels, and the map from image bytes to the
/// float tensor [C, H, W]. Every backbone declares one; <see cref="Id"/> names it exactly (it is part of
/// the feature cache key, so a changed recipe never reuses old features).
/// </summary>
public abstract class Preprocessing
{
    public abstract string Id { get; }
    public abstract int Channels { get; }
    public abstract int Height { get; }
    public abstract int Width { get; }
    public int Size => Channels * Height * Width;

    /// <summary>Writes the model input for one image into <paramref name="tensor"/> (length <see cref="Size"/>, planar CHW).</summary>
    public void Fill(RasterImage image, Span<float> tensor)
    {
        if (tensor.Length != Size)
            throw new ArgumentException($"the tensor holds {tensor.Length} values; {Id} writes {Size}.");
        RasterImage ready = Prepare(image.WithChannels(Channels));
        if (ready.Width != Width || ready.Height != Height)
            throw new InvalidOperationException($"{Id} made a {ready.Width}×{ready.Height} image; {Width}×{Height} was expected.");
        Normalise(ready.Pixels, tensor);
    }

    /// <summary>Resizes and crops an image that already has <see cref="Channels"/> channels.</summary>
    protected abstract RasterImage Prepare(RasterImage image);

    /// <summary>Interleaved bytes (H × W × C) to the planar float tensor.</summary>
    protected abstract void Normalise(ReadOnlySpan<byte> pixels, Span<float> tensor);
}

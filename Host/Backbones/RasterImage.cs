using SkiaSharp;

namespace Qtl.Backbones;

/// <summary>
/// A decoded image: <see cref="Width"/> × <see cref="Height"/> × <see cref="Channels"/> bytes (1 grey or 3 RGB),
/// row-major, channels last. Resizing is bilinear (plus mipmaps when shrinking, so large photos do not alias),
/// done by SkiaSharp.
/// </summary>
public sealed record RasterImage(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>Decodes a JPEG or PNG file to RGB (alpha dropped); an unreadable file is an error that names it.</summary>
    public static RasterImage Decode(string path)
    {
        using var codec = SKCodec.Create(path, out SKCodecResult result);
        if (codec is null)
            throw new InvalidDataException($"{path} is not a readable image ({result}); JPEG and PNG files are allowed.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput) || info.Width == 0 || info.Height == 0)
            throw new InvalidDataException($"{path} could not be decoded ({result}); JPEG and PNG files are allowed.");
        if (result == SKCodecResult.IncompleteInput)
            throw new InvalidDataException($"{path} is truncated (the image data ends early); re-copy or remove the file.");
        return FromBitmap(bitmap, 3);
    }

    /// <summary>The same image with <paramref name="channels"/> channels: grey is replicated to RGB; RGB is averaged with ITU-R 601 luma weights.</summary>
    public RasterImage WithChannels(int channels)
    {
        if (channels == Channels) return this;
        int n = Width * Height;
        var dst = new byte[n * channels];
        if (channels == 3 && Channels == 1)
            for (int p = 0; p < n; p++) dst[3 * p] = dst[3 * p + 1] = dst[3 * p + 2] = Pixels[p];
        else if (channels == 1 && Channels == 3)
            for (int p = 0; p < n; p++)
                dst[p] = (byte)Math.Round(0.299 * Pixels[3 * p] + 0.587 * Pixels[3 * p + 1] + 0.114 * Pixels[3 * p + 2]);
        else
            throw new ArgumentException($"cannot convert {Channels} channels to {channels}; images have 1 (grey) or 3 (RGB).");
        return new RasterImage(Width, Height, channels, dst);
    }

    /// <summary>Scales so the shorter side is <paramref name="shorter"/>, then crops the centre <paramref name="crop"/> × <paramref name="crop"/>.</summary>
    public RasterImage ResizeShorterAndCrop(int shorter, int crop)
    {
        // torchvision's Resize(int): the longer side is truncated; its CenterCrop rounds the offset.
        (int w, int h) = Width <= Height
            ? (shorter, (int)((long)shorter * Height / Width))
            : ((int)((long)shorter * Width / Height), shorter);
        return Resize(w, h).Crop((int)Math.Round((w - crop) / 2.0, MidpointRounding.ToEven), (int)Math.Round((h - crop) / 2.0, MidpointRounding.ToEven), crop, crop);
    }

    /// <summary>Resizes to exactly <paramref name="width"/> × <paramref name="height"/>.</summary>
    public RasterImage Resize(int width, int height)
    {
        if (width == Width && height == Height) return this;
        using var source = ToBitmap();
        bool shrinking = width < Width || height < Height;
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, shrinking ? SKMipmapMode.Linear : SKMipmapMode.None);
        using var resized = source.Resize(new SKImageInfo(width, height, source.ColorType, SKAlphaType.Opaque), sampling)
            ?? throw new InvalidOperationException($"SkiaSharp could not resize {Width}×{Height} to {width}×{height}.");
        return FromBitmap(resized, Channels);
    }

    /// <summary>The window [left, left+width) × [top, top+height); it must lie inside the image.</summary>
    public RasterImage Crop(int left, int top, int width, int height)
    {
        if (left < 0 || top < 0 || left + width > Width || top + height > Height)
            throw new ArgumentException($"crop {width}×{height} at ({left},{top}) does not fit in {Width}×{Height}.");
        var dst = new byte[width * height * Channels];
        for (int y = 0; y < height; y++)
            Pixels.AsSpan(((top + y) * Width + left) * Channels, width * Channels).CopyTo(dst.AsSpan(y * width * Channels));
        return new RasterImage(width, height, Channels, dst);
    }

    // Skia has no 3-byte RGB format: RGB goes through RGBA.
    private SKBitmap ToBitmap()
    {
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, Channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque));
        (Channels == 1 ? Pixels : Rgba(Pixels)).CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }

    /// <summary>RGB bytes widened to opaque RGBA, the layout Skia reads and writes.</summary>
    internal static byte[] Rgba(ReadOnlySpan<byte> rgb)
    {
        var rgba = new byte[rgb.Length / 3 * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgba[j] = rgb[i];
            rgba[j + 1] = rgb[i + 1];
            rgba[j + 2] = rgb[i + 2];
            rgba[j + 3] = 255;
        }
        return rgba;
    }

    private static RasterImage FromBitmap(SKBitmap bitmap, int channels)
    {
        ReadOnlySpan<byte> src = bitmap.GetPixelSpan();
        if (channels == 1) return new RasterImage(bitmap.Width, bitmap.Height, 1, src.ToArray());
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = src[p];
            rgb[q + 1] = src[p + 1];
            rgb[q + 2] = src[p + 2];
        }
        return new RasterImage(bitmap.Width, bitmap.Height, 3, rgb);
    }
}

using System.Runtime.InteropServices;
using Qtl.Backbones;
using Qtl.Data;
using SkiaSharp;

namespace Qtl.Reports;

/// <summary>PNG encoding of report thumbnails by SkiaSharp (which ScottPlot already brings).</summary>
public static class Png
{
    /// <summary>Encodes an image whose pixels are row-major, channels last, 1 (grey), 3 (RGB) or 4 (RGBA, unpremultiplied) channels.</summary>
    public static byte[] Encode(SampleImage image)
    {
        var (w, h, c) = (image.Width, image.Height, image.Channels);
        if (c is not (1 or 3 or 4))
            throw new ArgumentException($"image '{image.Name}' has {c} channels; allowed: 1 (grey), 3 (RGB), 4 (RGBA).", nameof(image));
        if (w <= 0 || h <= 0 || image.Pixels.Length != w * h * c)
            throw new ArgumentException($"image '{image.Name}' is {w}×{h}×{c} but has {image.Pixels.Length} bytes; expected {Math.Max(0, w * h * c)}.", nameof(image));

        // Skia has no 24-bit RGB layout: RGB is widened to opaque RGBA.
        byte[] pixels = c == 3 ? RasterImage.Rgba(image.Pixels) : image.Pixels;
        var info = c == 1
            ? new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(w, h, SKColorType.Rgba8888, c == 3 ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = pixmap.Encode(SKEncodedImageFormat.Png, 100)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode image '{image.Name}' as PNG.");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}

using Qtl.Data;
using Qtl.Reports;
using SkiaSharp;

namespace Qtl.Tests.Reports;

public class PngTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    public void EncodesAPngThatDecodesToTheSamePixels(int channels)
    {
        var pixels = Enumerable.Range(0, 5 * 3 * channels).Select(i => (byte)(i * 7)).ToArray();
        if (channels == 4)
            for (int i = 3; i < pixels.Length; i += 4) pixels[i] = 255; // opaque, so unpremultiplied values survive exactly
        byte[] png = Png.Encode(new SampleImage(5, 3, channels, pixels, 0, "x"));

        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        using var decoded = SKBitmap.Decode(png);
        Assert.That(decoded, Is.Not.Null, "SkiaSharp decodes it");
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((5, 3)));
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < 5; x++)
            {
                var c = decoded.GetPixel(x, y);
                int at = (y * 5 + x) * channels;
                byte[] expected = channels == 1 ? [pixels[at], pixels[at], pixels[at], 255]
                    : [pixels[at], pixels[at + 1], pixels[at + 2], channels == 4 ? pixels[at + 3] : (byte)255];
                Assert.That(new[] { c.Red, c.Green, c.Blue, c.Alpha }, Is.EqualTo(expected), $"pixel ({x},{y})");
            }
    }

    [Test]
    public void TranslucentPixelsKeepTheirAlpha()
    {
        byte[] pixels = [200, 100, 50, 128];
        using var decoded = SKBitmap.Decode(Png.Encode(new SampleImage(1, 1, 4, pixels, 0, "half")));
        Assert.That(decoded.GetPixel(0, 0).Alpha, Is.EqualTo(128));
    }

    [Test]
    public void RejectsPixelBuffersOfTheWrongSize()
    {
        var e = Assert.Throws<ArgumentException>(() => Png.Encode(new SampleImage(28, 28, 1, new byte[10], 0, "short")))!;
        Assert.That(e.Message, Does.Contain("28×28×1").And.Contain("784"));
    }

    [Test]
    public void RejectsAnUnsupportedChannelCount()
    {
        var e = Assert.Throws<ArgumentException>(() => Png.Encode(new SampleImage(2, 2, 2, new byte[8], 0, "two")))!;
        Assert.That(e.Message, Does.Contain("2 channels"));
    }
}

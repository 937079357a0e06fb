using System.IO.Compression;
using System.Text;
using Qtl.Data;
using Qtl.Reports;

namespace Qtl.Tests.Reports;

public class PngTests
{
    [Test]
    public void Crc32MatchesTheStandardCheckValue()
    {
        Assert.That(Png.Crc32("123456789"u8), Is.EqualTo(0xCBF43926u));
    }

    [TestCase(1, (byte)0)]
    [TestCase(3, (byte)2)]
    [TestCase(4, (byte)6)]
    public void EncodesSignatureHeaderPixelsAndEnd(int channels, byte colorType)
    {
        var pixels = Enumerable.Range(0, 5 * 3 * channels).Select(i => (byte)(i * 7)).ToArray();
        byte[] png = Png.Encode(new SampleImage(5, 3, channels, pixels, 0, "x"));

        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        var chunks = Chunks(png);
        Assert.That(chunks.Select(c => c.Type), Is.EqualTo(new[] { "IHDR", "IDAT", "IEND" }));
        var ihdr = chunks[0].Data;
        Assert.That(ihdr, Has.Length.EqualTo(13));
        Assert.That(BigEndian(ihdr, 0), Is.EqualTo(5));
        Assert.That(BigEndian(ihdr, 4), Is.EqualTo(3));
        Assert.That(ihdr[8], Is.EqualTo(8));
        Assert.That(ihdr[9], Is.EqualTo(colorType));
        Assert.That(chunks[2].Data, Is.Empty);

        // Inflating IDAT gives each row prefixed by filter byte 0.
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress)) z.CopyTo(inflated);
        byte[] raw = inflated.ToArray();
        Assert.That(raw, Has.Length.EqualTo(3 * (1 + 5 * channels)));
        for (int y = 0; y < 3; y++)
        {
            Assert.That(raw[y * (1 + 5 * channels)], Is.EqualTo(0));
            Assert.That(raw.AsSpan(y * (1 + 5 * channels) + 1, 5 * channels).ToArray(), Is.EqualTo(pixels.AsSpan(y * 5 * channels, 5 * channels).ToArray()));
        }
    }

    [Test]
    public void RejectsPixelBuffersOfTheWrongSize()
    {
        var e = Assert.Throws<ArgumentException>(() => Png.Encode(new SampleImage(28, 28, 1, new byte[10], 0, "short")))!;
        Assert.That(e.Message, Does.Contain("28×28×1").And.Contain("784"));
    }

    /// <summary>Splits a PNG into chunks, checking each chunk's CRC on the way.</summary>
    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (int at = 8; at < png.Length;)
        {
            int length = BigEndian(png, at);
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            byte[] data = png[(at + 8)..(at + 8 + length)];
            Assert.That((uint)BigEndian(png, at + 8 + length), Is.EqualTo(Png.Crc32(png.AsSpan(at + 4, 4 + length))), $"CRC of {type}");
            chunks.Add((type, data));
            at += 12 + length;
        }
        return chunks;
    }

    private static int BigEndian(byte[] b, int at) => b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3];
}

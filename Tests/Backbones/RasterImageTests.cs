using Qtl.Backbones;
using Qtl.Tests.Data;

namespace Qtl.Tests.Backbones;

public class RasterImageTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-raster");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void PngDecodesToItsExactRgbBytesAndJpegToItsSize()
    {
        string png = Path.Combine(_dir, "a.png"), jpg = Path.Combine(_dir, "b.jpg");
        var rgb = Enumerable.Range(0, 5 * 3 * 3).Select(i => (byte)(i * 5)).ToArray();
        File.WriteAllBytes(png, TestImages.EncodePng(5, 3, rgb));
        TestImages.WriteJpeg(jpg);

        RasterImage a = RasterImage.Decode(png);
        RasterImage b = RasterImage.Decode(jpg);

        Assert.That((a.Width, a.Height, a.Channels), Is.EqualTo((5, 3, 3)));
        Assert.That(a.Pixels, Is.EqualTo(rgb));
        Assert.That((b.Width, b.Height, b.Channels), Is.EqualTo((32, 24, 3)));
    }

    [Test]
    public void CorruptAndTruncatedImagesAreNamed()
    {
        string text = Path.Combine(_dir, "notes.jpg"), cut = Path.Combine(_dir, "cut.png");
        File.WriteAllText(text, "not an image");
        TestImages.WritePng(cut, 40, 30, seed: 1);
        File.WriteAllBytes(cut, File.ReadAllBytes(cut)[..60]);

        Assert.That(() => RasterImage.Decode(text), Throws.TypeOf<InvalidDataException>().With.Message.Contain(text).And.Message.Contain("JPEG and PNG"));
        Assert.That(() => RasterImage.Decode(cut), Throws.TypeOf<InvalidDataException>().With.Message.Contain(cut));
    }

    [Test]
    public void BilinearResizeKeepsAConstantImageAndInterpolatesARamp()
    {
        var flat = new RasterImage(28, 28, 1, Enumerable.Repeat((byte)77, 28 * 28).ToArray());
        Assert.That(flat.Resize(224, 224).Pixels.Distinct(), Is.EqualTo(new byte[] { 77 }));

        // Two pixels 0 and 200 enlarged 4×: a bilinear ramp, not nearest-neighbour blocks of 0 and 200.
        RasterImage ramp = new RasterImage(2, 1, 1, [0, 200]).Resize(8, 1);
        Assert.That(ramp.Pixels.Distinct().Count(), Is.GreaterThan(2));
        Assert.That(ramp.Pixels, Is.Ordered);
    }

    [Test]
    public void ShorterSideResizeAndCentreCropGiveTheSquare()
    {
        var wide = new RasterImage(300, 100, 3, new byte[300 * 100 * 3]);
        RasterImage square = wide.ResizeShorterAndCrop(256, 224);
        Assert.That((square.Width, square.Height), Is.EqualTo((224, 224)));
        Assert.That(() => wide.Crop(250, 0, 100, 10), Throws.ArgumentException.With.Message.Contain("does not fit"));
    }

    [Test]
    public void GreyBecomesRgbByReplicationAndBackByLuma()
    {
        var grey = new RasterImage(2, 1, 1, [10, 250]);
        RasterImage rgb = grey.WithChannels(3);
        Assert.That(rgb.Pixels, Is.EqualTo(new byte[] { 10, 10, 10, 250, 250, 250 }));
        Assert.That(rgb.WithChannels(1).Pixels, Is.EqualTo(grey.Pixels));
    }
}

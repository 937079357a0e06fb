using Qtl.Data;

namespace Qtl.Tests.Data;

public class IdxReaderTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-idx");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [TestCase(false)]
    [TestCase(true)]
    public void ImagesAndLabelsRoundTrip(bool gzip)
    {
        byte[] pixels = Enumerable.Range(0, 3 * 4 * 5).Select(i => (byte)(i * 7)).ToArray();
        string images = Path.Combine(_dir, "images"), labels = Path.Combine(_dir, "labels");
        TestImages.WriteIdx(images, [3, 4, 5], pixels, gzip);
        TestImages.WriteIdx(labels, [3], [2, 0, 9], gzip);

        (IdxImages read, byte[] readLabels) = IdxReader.ReadPair(images, labels);

        Assert.That((read.Count, read.Rows, read.Columns), Is.EqualTo((3, 4, 5)));
        Assert.That(read.Pixels, Is.EqualTo(pixels));
        Assert.That(read.Image(1).ToArray(), Is.EqualTo(pixels[20..40]));
        Assert.That(readLabels, Is.EqualTo(new byte[] { 2, 0, 9 }));
    }

    [Test]
    public void LabelsFilePassedAsImagesIsRejectedByMagicNumber()
    {
        string path = Path.Combine(_dir, "labels.gz");
        TestImages.WriteIdx(path, [3], [1, 2, 3], gzip: true);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("magic number 0x00000801").And.Contain("0x00000803"));
    }

    [Test]
    public void NonIdxMagicNumberIsRejected()
    {
        string path = Path.Combine(_dir, "bogus");
        TestImages.WriteIdx(path, [2], [1, 2], gzip: false, magic: 0x12345678);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.That(e!.Message, Does.Contain("0x12345678").And.Contain("0x00000801"));
    }

    [Test]
    public void ImageAndLabelCountMismatchIsReported()
    {
        string images = Path.Combine(_dir, "images"), labels = Path.Combine(_dir, "labels");
        TestImages.WriteIdx(images, [2, 2, 2], new byte[8], gzip: false);
        TestImages.WriteIdx(labels, [3], [0, 1, 2], gzip: false);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadPair(images, labels));
        Assert.That(e!.Message, Does.Contain("2 images").And.Contain("3 labels"));
    }

    [Test]
    public void TruncatedDataIsReported()
    {
        string path = Path.Combine(_dir, "images");
        TestImages.WriteIdx(path, [2, 2, 2], new byte[5], gzip: false);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.That(e!.Message, Does.Contain("8 bytes of data but the file holds 5"));
    }

    [Test]
    public void MissingFileNamesThePath()
    {
        string path = Path.Combine(_dir, "nope.gz");
        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadLabels(path));
        Assert.That(e!.Message, Does.Contain(path));
    }
}

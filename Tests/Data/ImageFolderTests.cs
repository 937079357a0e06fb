using Qtl.Backbones;
using Qtl.Data;
using Qtl.Features;

namespace Qtl.Tests.Data;

public class ImageFolderTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = TestImages.TempDir("qtl-folder");

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    /// <summary>train/ and val/ with the given classes, <paramref name="perClass"/> images each (PNG, one JPEG per class).</summary>
    private void MakeFolder(string[] classes, int perClass = 2)
    {
        int seed = 0;
        foreach (string split in new[] { "train", "val" })
            foreach (string c in classes)
            {
                string dir = Directory.CreateDirectory(Path.Combine(_root, split, c)).FullName;
                TestImages.WriteJpeg(Path.Combine(dir, "photo.jpg"));
                for (int i = 1; i < perClass; i++)
                    TestImages.WritePng(Path.Combine(dir, $"img{i}.png"), 40 + 7 * i, 30 + 5 * i, seed++);
            }
    }

    [Test]
    public void ClassesAreSortedOrdinallyAndImagesLabelled()
    {
        MakeFolder(["bees", "Ants", "ants"], perClass: 3);
        File.WriteAllText(Path.Combine(_root, "train", "ants", "notes.txt"), "not an image");

        ImageFolder folder = ImageFolder.Open(_root);

        Assert.That(folder.ClassNames, Is.EqualTo(new[] { "Ants", "ants", "bees" }));
        Assert.That(folder.Train, Has.Count.EqualTo(9));
        Assert.That(folder.Validation, Has.Count.EqualTo(9));
        Assert.That(folder.Train.Where(i => i.Label == 1).Select(i => Path.GetFileName(i.Path)), Is.EqualTo(new[] { "img1.png", "img2.png", "photo.jpg" }));
    }

    [Test]
    public void OneClassIsRejectedWithItsName()
    {
        MakeFolder(["ants"]);
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Open(_root));
        Assert.That(e!.Message, Does.Contain("found 1 class 'ants' in").And.Contain("train").And.Contain("at least 2 are needed"));
    }

    [Test]
    public void ClassWithoutImagesIsRejected()
    {
        MakeFolder(["ants", "bees"]);
        Directory.CreateDirectory(Path.Combine(_root, "train", "wasps"));
        Directory.CreateDirectory(Path.Combine(_root, "val", "wasps"));
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Open(_root));
        Assert.That(e!.Message, Does.Contain("class 'wasps' has no images"));
    }

    [Test]
    public void MissingValFolderAndDifferentValClassesAreRejected()
    {
        MakeFolder(["ants", "bees"]);
        Directory.Move(Path.Combine(_root, "val", "bees"), Path.Combine(_root, "val", "wasps"));
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Open(_root));
        Assert.That(e!.Message, Does.Contain("missing in val: 'bees'").And.Contain("only in val: 'wasps'"));

        Directory.Delete(Path.Combine(_root, "val"), recursive: true);
        Assert.That(() => ImageFolder.Open(_root), Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contain("no val/ folder"));
        Assert.That(() => ImageFolder.Open(Path.Combine(_root, "nowhere")), Throws.TypeOf<DirectoryNotFoundException>());
    }

    [Test]
    public void FeaturesOfJpegAndPngImagesComeFromTheBackbone()
    {
        MakeFolder(["ants", "bees"], perClass: 3);
        ImageFolder folder = ImageFolder.Open(_root);
        using Backbone backbone = Backbone.Open(TestImages.Model("tiny-resnet.onnx"));
        var extractor = new FeatureExtractor(new FeatureCache(Path.Combine(_root, "cache")));

        Extraction x = extractor.FromFolder(backbone, folder, folder.Validation, "validation", thumbnails: 2);

        Assert.That(x.CacheHit, Is.False);
        Assert.That(x.Features.Count, Is.EqualTo(6));
        Assert.That(x.Features.Labels, Is.EqualTo(new[] { 0, 0, 0, 1, 1, 1 }));
        Assert.That(x.Features.Dimension, Is.EqualTo(16));
        Assert.That(x.Thumbnails, Has.Count.EqualTo(2));
        Assert.That(x.Thumbnails[0], Has.Length.EqualTo(64 * 64 * 3));
        // Different images give different features; identical images (the JPEG in both classes) identical ones.
        Assert.That(x.Features.Features[1], Is.Not.EqualTo(x.Features.Features[2]));
        Assert.That(x.Features.Features[2], Is.EqualTo(x.Features.Features[5]));
    }

    [Test]
    public void CorruptImageIsNamedInTheError()
    {
        MakeFolder(["ants", "bees"]);
        string bad = Path.Combine(_root, "val", "bees", "broken.png");
        byte[] png = File.ReadAllBytes(Path.Combine(_root, "val", "bees", "img1.png"));
        File.WriteAllBytes(bad, png[..60]);
        ImageFolder folder = ImageFolder.Open(_root);
        using Backbone backbone = Backbone.Open(TestImages.Model("tiny-resnet.onnx"));

        var e = Assert.Throws<InvalidDataException>(() =>
            new FeatureExtractor(new FeatureCache(Path.Combine(_root, "cache"))).FromFolder(backbone, folder, folder.Validation, "validation"));
        Assert.That(e!.Message, Does.Contain(bad).And.Contain("truncated"));
    }
}

using Qtl.Backbones;
using Qtl.Data;
using Qtl.Features;
using Qtl.Tests.Data;

namespace Qtl.Tests.Features;

/// <summary>What <c>qtl cache</c> sees: each entry with what it holds, and clearing all or one backbone's.</summary>
public class FeatureCacheListingTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-cache-list");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private void Extract(string model, int perClass)
    {
        FashionMnistSplit split = FashionMnist.Load(FashionMnist.Locate(FashionMnist.SubsetDirectory), train: false);
        int[] indices = FashionMnist.Select(split.Labels, [0, 1], perClass, seed: 1);
        using Backbone backbone = Backbone.Open(model);
        new FeatureExtractor(new FeatureCache(_dir)).FromIdx(backbone, split, indices, [0, 1], ["T-shirt/top", "Trouser"], "validation");
    }

    /// <summary>An entry as version 1 wrote it: magic, dims, data, extra bytes, then the SHA-256 of all that.</summary>
    private static byte[] VersionOne(int rows, int columns)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("QTLFEAT1"u8);
            w.Write(2);
            w.Write(rows);
            w.Write(columns);
            w.Write(rows * columns);
            for (int i = 0; i < rows * columns; i++) w.Write(0.5f * i);
            w.Write(0);
        }
        body.Write(System.Security.Cryptography.SHA256.HashData(body.ToArray()));
        return body.ToArray();
    }

    [Test]
    public void EachEntrySaysWhichBackboneDataSplitAndHowManyImages()
    {
        string lenet = TestImages.Model("teacher-lenet-0-5.onnx");
        Extract(lenet, perClass: 3);

        var entry = new FeatureCache(_dir).List().Single();
        Assert.That(entry.Description, Is.Not.Null);
        Assert.That(entry.Description!.Backbone, Is.EqualTo(Path.GetFullPath(lenet)));
        Assert.That(entry.Description.Data, Does.StartWith(Path.GetFullPath(FashionMnist.SubsetDirectory)));
        Assert.That(entry.Description.Split, Is.EqualTo("validation"));
        Assert.That((entry.Count, entry.Description.Count), Is.EqualTo((6, 6)));
        Assert.That(entry.Bytes, Is.EqualTo(new FileInfo(Directory.GetFiles(_dir).Single()).Length), "one file per entry");
    }

    [Test]
    public void ClearByBackboneKeepsTheOthersAndClearRemovesEverything()
    {
        string lenet = TestImages.Model("teacher-lenet-0-5.onnx"), alexnet = TestImages.Model("teacher-alexnet-0-5.onnx");
        Extract(lenet, perClass: 3);
        Extract(lenet, perClass: 4);
        Extract(alexnet, perClass: 3);
        // An entry from before descriptions (version 1): listed with its rows, loaded, and of no backbone.
        var cache = new FeatureCache(_dir);
        string old = FeatureCache.Key(["an older entry"]);
        File.WriteAllBytes(cache.PathOf(old), VersionOne(rows: 6, columns: 2));
        Assert.That(cache.List().Single(e => e.Key == old), Has.Property("Description").Null.And.Property("Count").EqualTo(6));
        Assert.That(cache.TryLoad(old, out _)!.Dims, Is.EqualTo(new[] { 6, 2 }));

        var (entries, bytes) = cache.Clear(Path.GetFileName(lenet));
        Assert.That(entries, Is.EqualTo(2));
        Assert.That(bytes, Is.GreaterThan(0));
        Assert.That(cache.List().Select(e => e.Description?.Backbone), Is.EquivalentTo(new[] { Path.GetFullPath(alexnet), null }), "the others stay");

        Assert.That(cache.Clear().Entries, Is.EqualTo(2));
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
        Assert.That(new FeatureCache(Path.Combine(_dir, "none")).List(), Is.Empty, "a cache never written lists nothing");
    }
}

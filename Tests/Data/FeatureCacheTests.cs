using Qtl.Data;
using Qtl.Onnx;

namespace Qtl.Tests.Data;

public class FeatureCacheTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-cache");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private Extraction Extract(FeatureExtractor extractor)
    {
        FashionMnistSplit split = FashionMnist.Load(FashionMnist.Locate(FashionMnist.SubsetDirectory), train: false);
        int[] indices = FashionMnist.Select(split.Labels, [0, 1], 20, seed: 1);
        OnnxModel model = OnnxModel.Open(TestImages.Model("fashion-backbone.onnx"));
        return extractor.FromIdx(model, split, indices, [0, 1], ["T-shirt/top", "Trouser"], IdxNormalisation.FashionMnist);
    }

    [Test]
    public void SecondExtractionIsACacheHitWithIdenticalFeatures()
    {
        var extractor = new FeatureExtractor(new FeatureCache(_dir));

        Extraction first = Extract(extractor);
        Extraction second = Extract(extractor);

        Assert.That(first.CacheHit, Is.False);
        Assert.That(second.CacheHit, Is.True);
        Assert.That(second.Features.Features, Is.EqualTo(first.Features.Features));
        Assert.That(second.Features.Labels, Is.EqualTo(first.Features.Labels));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "one entry, no temporary files left");
    }

    [Test]
    public void CorruptedEntryIsIgnoredAndRecomputed()
    {
        var extractor = new FeatureExtractor(new FeatureCache(_dir));
        Extraction first = Extract(extractor);
        string entry = Directory.GetFiles(_dir).Single();
        byte[] bytes = File.ReadAllBytes(entry);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(entry, bytes);

        Extraction again = Extract(extractor);

        Assert.That(again.CacheHit, Is.False);
        Assert.That(again.Features.Features, Is.EqualTo(first.Features.Features));
        Assert.That(Extract(extractor).CacheHit, Is.True, "the recomputed entry replaced the corrupt one");
    }

    [Test]
    public void TruncatedEntryReadsAsCorrupt()
    {
        var cache = new FeatureCache(_dir);
        Assert.That(cache.Store("k", new CacheEntry([1f, 2f, 3f, 4f], [2, 2], [7])), Is.True);
        Assert.That(cache.TryLoad("k", out bool corrupt)!.Data, Is.EqualTo(new[] { 1f, 2f, 3f, 4f }));
        Assert.That(corrupt, Is.False);

        byte[] bytes = File.ReadAllBytes(cache.PathOf("k"));
        File.WriteAllBytes(cache.PathOf("k"), bytes[..^5]);

        Assert.That(cache.TryLoad("k", out corrupt), Is.Null);
        Assert.That(corrupt, Is.True);
        Assert.That(cache.TryLoad("absent", out corrupt), Is.Null);
        Assert.That(corrupt, Is.False);
    }

    [Test]
    public void KeyDependsOnEveryPartAndItsBoundaries()
    {
        Assert.That(FeatureCache.Key(["ab", "c"]), Is.Not.EqualTo(FeatureCache.Key(["a", "bc"])));
        string[] parts = ["a", "b"];
        Assert.That(FeatureCache.Key(parts), Is.EqualTo(FeatureCache.Key(["a", "b"])));
        Assert.That(FeatureCache.Key(["a", "b"]), Has.Length.EqualTo(64));
    }
}

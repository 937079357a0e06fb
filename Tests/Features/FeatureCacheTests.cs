using Qtl.Tests.Data;
using Qtl.Backbones;
using Qtl.Data;
using Qtl.Features;

namespace Qtl.Tests.Features;

public class FeatureCacheTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-cache");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static Extraction Extract(FeatureExtractor extractor, string? model = null, string? preprocessing = null, int perClass = 20)
    {
        FashionMnistSplit split = FashionMnist.Load(FashionMnist.Locate(FashionMnist.SubsetDirectory), train: false);
        int[] indices = FashionMnist.Select(split.Labels, [0, 1], perClass, seed: 1);
        using Backbone backbone = Backbone.Open(model ?? TestImages.Model("teacher-lenet-0-5.onnx"), preprocessing: preprocessing);
        return extractor.FromIdx(backbone, split, indices, [0, 1], ["T-shirt/top", "Trouser"], "validation");
    }

    [Test]
    public void KeyChangesWithTheBackboneFileItsPreprocessingAndTheData()
    {
        var extractor = new FeatureExtractor(new FeatureCache(_dir));
        string model = Path.Combine(_dir, "model.onnx");
        File.Copy(TestImages.Model("tiny-resnet.onnx"), model);
        File.Copy(TestImages.Model("tiny-resnet.json"), Path.ChangeExtension(model, ".json"));

        Assert.That(Extract(extractor, model, perClass: 3).CacheHit, Is.False);
        Assert.That(Extract(extractor, model, perClass: 3).CacheHit, Is.True);
        Assert.That(Extract(extractor, model, "resnet18", perClass: 3).CacheHit, Is.False, "another preprocessing");
        Assert.That(Extract(extractor, model, perClass: 4).CacheHit, Is.False, "other images");

        // Same name, same size, one byte of the producer name changed: the bytes decide, not the file name.
        byte[] bytes = File.ReadAllBytes(model);
        int at = bytes.AsSpan().IndexOf("pytorch"u8);
        Assert.That(at, Is.GreaterThanOrEqualTo(0));
        bytes[at] = (byte)'P';
        File.WriteAllBytes(model, bytes);
        Assert.That(Extract(extractor, model, perClass: 3).CacheHit, Is.False, "another model file");
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

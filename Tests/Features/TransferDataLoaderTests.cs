using Qtl.Tests.Data;
using Qtl.Data;
using Qtl.Features;

namespace Qtl.Tests.Features;

public class TransferDataLoaderTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-loader");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void SubsetLoadsSelectedClassesReindexedWithNamesAndGridImages()
    {
        var notices = new List<string>();
        var options = new DataOptions(DataPath: FashionMnist.SubsetDirectory, Classes: [9, 5], PerClassLimit: 30, Seed: 2, CacheDir: _dir);

        TransferData data = TransferDataLoader.Load(options, notices.Add);

        Assert.That(data.Train.ClassNames, Is.EqualTo(new[] { "Ankle boot", "Sandal" }));
        Assert.That(data.Train.Count, Is.EqualTo(60));
        Assert.That(data.Validation.Count, Is.EqualTo(60));
        Assert.That(data.Train.Labels.Count(l => l == 0), Is.EqualTo(30));
        Assert.That(data.Train.Dimension, Is.EqualTo(data.Validation.Dimension));
        Assert.That(data.ValidationImages, Has.Count.EqualTo(TransferDataLoader.GridImages));
        Assert.That(data.ValidationImages[3].Label, Is.EqualTo(data.Validation.Labels[3]));
        Assert.That(data.ValidationImages[0].Pixels, Has.Length.EqualTo(28 * 28));
        Assert.That(data.Train.Dimension, Is.EqualTo(512));
        Assert.That(data.Description, Does.Contain("9 Ankle boot").And.Contain("resnet18 (ImageNet, ML.NET package)"));
        Assert.That(notices, Has.Some.Contain("FashionMNIST: IDX files from"));
        Assert.That(notices, Has.Some.Contain("computed"));

        notices.Clear();
        TransferData again = TransferDataLoader.Load(options, notices.Add);
        Assert.That(notices.Count(n => n.Contains("from the cache")), Is.EqualTo(2));
        Assert.That(again.Train.Features, Is.EqualTo(data.Train.Features));
    }

    [Test]
    public void ClassOutOfRangeIsRejected()
    {
        var e = Assert.Throws<UserError>(() => TransferDataLoader.Load(new DataOptions(Classes: [0, 12], CacheDir: _dir)));
        Assert.That(e!.Message, Does.Contain("class 12 is out of range"));
    }

    [Test]
    public void GreyBackboneOnIdxDataKeepsItsOwnNormalisation()
    {
        var options = new DataOptions(DataPath: FashionMnist.SubsetDirectory, BackbonePath: TestImages.Model("teacher-lenet-0-5.onnx"),
            Classes: [0, 1], PerClassLimit: 5, CacheDir: _dir);
        TransferData data = TransferDataLoader.Load(options);
        Assert.That(data.Train.Dimension, Is.EqualTo(6));
        Assert.That(data.Description, Does.Contain("teacher-lenet-0-5.onnx"));
        Assert.That(data.Backbone!.Preprocessing, Does.StartWith("grey 28x28"));
    }

    [Test]
    public void DirectoryThatIsNeitherFolderNorIdxIsExplained()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TransferDataLoader.Load(new DataOptions(DataPath: _dir, CacheDir: _dir)));
        Assert.That(e!.Message, Does.Contain("is neither an image folder"));
        string missing = Path.Combine(_dir, "missing");
        Assert.That(() => TransferDataLoader.Load(new DataOptions(DataPath: missing)),
            Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contain($"data directory not found: {missing}"));
    }

    [Test]
    public void ImageFolderLoadsWithBackboneAndThumbnails()
    {
        string root = Path.Combine(_dir, "data");
        int seed = 0;
        foreach (string split in new[] { "train", "val" })
            foreach (string c in new[] { "bees", "ants" })
            {
                string dir = Directory.CreateDirectory(Path.Combine(root, split, c)).FullName;
                for (int i = 0; i < 3; i++)
                    TestImages.WritePng(Path.Combine(dir, $"{c}{i}.png"), 50, 40, seed++);
            }
        var options = new DataOptions(DataPath: root, BackbonePath: TestImages.Model("tiny-resnet.onnx"), PerClassLimit: 2, CacheDir: Path.Combine(_dir, "cache"));

        TransferData data = TransferDataLoader.Load(options);

        Assert.That(data.Train.ClassNames, Is.EqualTo(new[] { "ants", "bees" }));
        Assert.That(data.Train.Count, Is.EqualTo(4));
        Assert.That(data.Validation.Labels, Is.EqualTo(new[] { 0, 0, 1, 1 }));
        Assert.That(data.ValidationImages, Has.Count.EqualTo(4));
        Assert.That(data.ValidationImages[2], Has.Property("Width").EqualTo(64).And.Property("Channels").EqualTo(3).And.Property("Label").EqualTo(1));
        Assert.That(data.ValidationImages[2].Name, Does.StartWith("val/bees/bees"));
    }
}

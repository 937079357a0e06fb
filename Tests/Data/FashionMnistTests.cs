using Qtl.Data;

namespace Qtl.Tests.Data;

public class FashionMnistTests
{
    private static FashionMnistLocation Subset() => FashionMnist.Locate(FashionMnist.SubsetDirectory);

    [Test]
    public void CommittedSubsetHas100TrainAnd40TestImagesPerClass()
    {
        FashionMnistSplit train = FashionMnist.Load(Subset(), train: true);
        FashionMnistSplit test = FashionMnist.Load(Subset(), train: false);

        Assert.That(train.Images.Count, Is.EqualTo(1000));
        Assert.That(test.Images.Count, Is.EqualTo(400));
        Assert.That((train.Images.Rows, train.Images.Columns), Is.EqualTo((28, 28)));
        for (int c = 0; c < 10; c++)
        {
            Assert.That(train.Labels.Count(l => l == c), Is.EqualTo(100), $"train class {c}");
            Assert.That(test.Labels.Count(l => l == c), Is.EqualTo(40), $"test class {c}");
        }
    }

    [Test]
    public void SelectingClassesKeepsOnlyThoseInFileOrder()
    {
        byte[] labels = FashionMnist.Load(Subset(), train: true).Labels;

        int[] all = FashionMnist.Select(labels, [7, 3], null, seed: 0);

        Assert.That(all, Has.Length.EqualTo(200));
        Assert.That(all, Is.Ordered);
        Assert.That(all.Select(i => (int)labels[i]).Distinct().Order(), Is.EqualTo(new[] { 3, 7 }));
    }

    [Test]
    public void PerClassLimitIsDeterministicForASeed()
    {
        byte[] labels = FashionMnist.Load(Subset(), train: true).Labels;

        int[] a = FashionMnist.Select(labels, [0, 1, 2], 15, seed: 4);
        int[] b = FashionMnist.Select(labels, [0, 1, 2], 15, seed: 4);
        int[] c = FashionMnist.Select(labels, [0, 1, 2], 15, seed: 5);

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Is.Not.EqualTo(c));
        Assert.That(Enumerable.Range(0, 3).Select(k => a.Count(i => labels[i] == k)), Is.All.EqualTo(15));
        // A class's sample does not depend on which other classes are selected.
        Assert.That(FashionMnist.Select(labels, [1, 5], 15, seed: 4).Where(i => labels[i] == 1), Is.EqualTo(a.Where(i => labels[i] == 1)));
    }

    [TestCase(new[] { 0, 10 }, "class 10 is out of range")]
    [TestCase(new[] { -1, 2 }, "class -1 is out of range")]
    [TestCase(new[] { 3 }, "at least 2 are needed")]
    [TestCase(new[] { 3, 3 }, "repeat a class")]
    public void InvalidClassListsAreRejected(int[] classes, string message)
    {
        var e = Assert.Throws<UserError>(() => FashionMnist.ValidateClasses(classes));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void ExplicitDirectoryWithoutFilesSaysWhichFileIsMissing()
    {
        string dir = TestImages.TempDir("qtl-fmnist");
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Locate(dir));
            Assert.That(e!.Message, Does.Contain("train-images-idx3-ubyte"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

using Qtl.Data;
using Qtl.Features;

namespace Qtl.Tests.Cli;

/// <summary><c>qtl cache list</c> and <c>qtl cache clear</c> on a cache a real <c>train</c> filled.</summary>
[Integration]
[NonParallelizable]
public class CacheCommandTests
{
    [Test]
    public void ListShowsWhatTrainCachedAndClearByBackboneThenAllEmptiesIt()
    {
        string root = Directory.CreateTempSubdirectory("qtl-cache-verb").FullName;
        string cache = Path.Combine(root, "cache");
        try
        {
            var (code, output, error) = QtlProcess.Run(["train", "--data", FashionMnist.SubsetDirectory, "--classes", "0,1", "--per-class", "3",
                "--backend", "native", "--epochs", "1", "--heads", "linear", "--cache-dir", cache, "--out", Path.Combine(root, "run")]);
            Assert.That(code, Is.EqualTo(0), error + output);

            (code, output, error) = QtlProcess.Run(["cache", "list", "--cache-dir", cache]);
            Assert.That(code, Is.EqualTo(0), error);
            var rows = output.Split('\n').Where(l => l.Contains("resnet18")).ToArray();
            Assert.That(rows, Has.Length.EqualTo(2), output);
            Assert.That(rows.Any(r => r.Contains("train")) && rows.Any(r => r.Contains("validation")), Is.True, output);
            Assert.That(rows, Has.All.Contain(" 6 "), "three images of each of two classes");
            Assert.That(output, Does.Contain($"2 entries").And.Contain(cache));

            (code, output, _) = QtlProcess.Run(["cache", "clear", "--backbone", "other.onnx", "--cache-dir", cache]);
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("Removed 0 entries"));
            Assert.That(new FeatureCache(cache).List(), Has.Count.EqualTo(2), "another backbone's clear keeps them");

            (code, output, _) = QtlProcess.Run(["cache", "clear", "--backbone", "resnet18", "--cache-dir", cache]);
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("Removed 2 entries of backbone resnet18"));
            Assert.That(Directory.GetFiles(cache), Is.Empty);

            (code, output, _) = QtlProcess.Run(["cache", "list", "--cache-dir", cache]);
            Assert.That(output, Does.Contain("is empty"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

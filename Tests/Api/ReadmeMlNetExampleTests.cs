using Qtl.IO;
using Qtl.Tests.Data;

namespace Qtl.Tests.Api;

/// <summary>
/// The C# example of README.md's ML.NET section, compiled as a console program against this build and run: images →
/// DnnFeaturizeImage → the quantum head (native backend) → Evaluate → model.zip → load → predict.
/// </summary>
[NonParallelizable]
public class ReadmeMlNetExampleTests
{
    [Test]
    public void TheReadmeMlNetExampleCompilesAndRuns()
    {
        var entry = ReadmeExampleTests.Compile(ReadmeExampleTests.Example(File.ReadAllText(Path.Combine(SourceTree.Root(), "README.md")), "ML.NET"));
        string dir = TestImages.TempDir("qtl-readme-mlnet");
        try
        {
            string text = ReadmeExampleTests.Run(entry, dir);
            Assert.That(text, Does.Match(@"accuracy \d+\.\d %, log-loss \d+\.\d{3}"));
            Assert.That(text, Does.Match(@"\d{5}\.png: (T-shirt-top|Shirt)"));
            Assert.That(Path.Combine(dir, "model.zip"), Does.Exist);
            Assert.That(Directory.GetFiles(Path.Combine(dir, "fashion-images", "train"), "*.png", SearchOption.AllDirectories), Has.Length.EqualTo(40));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}

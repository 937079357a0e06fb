using Qtl.Tests.Data;

namespace Qtl.Tests.Api;

/// <summary>A feature table read from CSV, and what is wrong with a bad one named by file, line and column.</summary>
public class DatasetTests
{
    [Test]
    public void FeatureTablesGiveTheFeaturesWithClassesInOrdinalOrder()
    {
        string dir = TestImages.TempDir("qtl-table");
        try
        {
            string train = Write(dir, "train.csv", "label,a,b\nwasp,0.5,-1\nbee,1e-3,2\n\nbee,3,4\n");
            string validation = Write(dir, "val.csv", "label,a,b\r\nwasp,1,1\r\n");
            var data = Dataset.FromCsv(train, validation);

            Assert.That(data.ClassNames, Is.EqualTo(new[] { "bee", "wasp" }));
            Assert.That(data.Train.Labels, Is.EqualTo(new[] { 1, 0, 0 }));
            Assert.That(data.Train.Features[1], Is.EqualTo(new[] { 1e-3, 2 }));
            Assert.That(data.Validation.Labels, Is.EqualTo(new[] { 1 }));
            Assert.That(data.Options, Is.Null, "a feature table has no data options: its run predicts features, not images");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [TestCase("label,a\nbee,0,5\n", "line 2: 3 fields; the header has 2")]
    [TestCase("label,a\nbee,0;5\n", "line 2, column 2: '0;5' is not a finite number")]
    [TestCase("label,a\nbee,NaN\n", "is not a finite number")]
    [TestCase("label,a\n", "at least one sample line")]
    [TestCase("label,a\n,1\n", "line 2: the label is empty")]
    public void ABadFeatureTableIsRefusedNamingTheLine(string text, string message)
    {
        string dir = TestImages.TempDir("qtl-table-bad");
        try
        {
            string good = Write(dir, "good.csv", "label,a\nbee,1\nant,2\n");
            string bad = Write(dir, "bad.csv", text);
            var error = Assert.Throws<InvalidDataException>(() => Dataset.FromCsv(bad, good))!;
            Assert.That(error.Message, Does.StartWith(bad).And.Contain(message));
            Assert.That(Assert.Throws<UserError>(() => Dataset.FromCsv(good, Write(dir, "other.csv", "label,a\nwasp,1\n")))!.Message,
                Does.Contain("class 'wasp' is not among the training table's classes (ant, bee)"));
            Assert.That(Assert.Throws<UserError>(() => Dataset.FromCsv(Write(dir, "one.csv", "label,a\nbee,1\n"), good))!.Message, Does.Contain("one class (bee)"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static string Write(string dir, string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}

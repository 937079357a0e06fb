namespace Qtl.Tests.Api;

/// <summary>The one CSV reader: the label in the last column or a given one, an optional header, labels as text; bad input named by file and line.</summary>
public class FeatureTableTests
{
    private string _dir = "";

    [SetUp]
    public void Create() => _dir = Directory.CreateTempSubdirectory("qtl-csv").FullName;

    [TearDown]
    public void Delete() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void WithoutAHeaderEveryLineIsASampleAndTheLabelIsTheLastColumn()
    {
        var (features, labels) = FeatureTable.Read(Write("0.5,1,-1\n2,3e-2,1\n"));
        Assert.That(labels, Is.EqualTo(new[] { "-1", "1" }));
        Assert.That(features, Is.EqualTo(new[] { new[] { 0.5, 1 }, new[] { 2, 3e-2 } }));
    }

    [Test]
    public void AHeaderIsRecognisedByItsNonNumericFieldsAndTheLabelColumnCanBeAnyColumn()
    {
        var (features, labels) = FeatureTable.Read(Write("x,class,y\n1,0,2\n3,1,4\n"), labelColumn: 2);
        Assert.That(labels, Is.EqualTo(new[] { "0", "1" }));
        Assert.That(features, Is.EqualTo(new[] { new[] { 1.0, 2 }, new[] { 3.0, 4 } }));
    }

    [Test]
    public void PlusMinusOneLabelsBecomeClassesInOrdinalOrder()
    {
        string train = Write("1,1\n2,-1\n3,1\n", "train.csv"), test = Write("4,-1\n", "test.csv");
        var data = Dataset.FromCsv(train, test, labelColumn: null);
        Assert.That(data.ClassNames, Is.EqualTo(new[] { "-1", "1" }));
        Assert.That(data.Train.Labels, Is.EqualTo(new[] { 1, 0, 1 }));
    }

    [TestCase("1,2,a\n1,a\n", null, "line 2: 2 fields; the first line has 3")]
    [TestCase("1,NaN,a\n", null, "line 1, column 2: 'NaN' is not a finite number")]
    [TestCase("1,inf,a\n", null, "is not a finite number")]
    [TestCase("1,2,a\n", 4, "label column 4 is out of range; the table has 3 columns (allowed: 1 to 3)")]
    [TestCase("1,2,a\n", 0, "label column 0 is out of range")]
    [TestCase("\n\n", null, "the feature table is empty")]
    [TestCase("f0,label\n", null, "has a header line and no sample")]
    [TestCase("1,2,\n", null, "line 1: the label is empty")]
    [TestCase("1\n", null, "a label and at least one feature are needed")]
    public void ABadTableIsOneLineNamingFileLineAndWhatIsAllowed(string text, int? labelColumn, string message)
    {
        string path = Write(text);
        var error = Assert.Throws<InvalidDataException>(() => FeatureTable.Read(path, labelColumn))!;
        Assert.That(error.Message, Does.StartWith(path).And.Contain(message));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void AMissingFileOrASingleClassIsRefused()
    {
        Assert.That(Assert.Throws<FileNotFoundException>(() => FeatureTable.Read(Path.Combine(_dir, "none.csv")))!.Message, Does.Contain("feature table not found"));
        string one = Write("1,a\n2,a\n", "one.csv");
        Assert.That(Assert.Throws<UserError>(() => Dataset.FromCsv(one, one, null))!.Message, Does.Contain("has one class (a)"));
    }

    private string Write(string text, string name = "t.csv")
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}

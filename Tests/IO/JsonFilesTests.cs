using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qtl.Features;
using Qtl.IO;
using Qtl.Tests.Training;
using Qtl.Training;

namespace Qtl.Tests.IO;

/// <summary>Files for people: text as written (no \u escapes) and numbers in the invariant culture whatever the locale.</summary>
[NonParallelizable]
public partial class JsonFilesTests
{
    [Test]
    public void NonAsciiTextIsWrittenAsWritten()
    {
        string json = JsonSerializer.Serialize(new { name = "Käfer", head = "Linear(512→4) → tanh·1.5708", quote = "a\"b" }, JsonFiles.Options);

        Assert.That(json, Does.Contain("\"Käfer\"").And.Contain("Linear(512→4) → tanh·1.5708"));
        Assert.That(json, Does.Contain("a\\\"b"), "what JSON needs is still escaped");
        Assert.That(json, Does.Not.Contain("\\u"));
    }

    [Test]
    public void UnderADecimalCommaCultureARunsFilesHoldNoDecimalCommaAndTheClassNamesAsWritten()
    {
        // de-DE's number format (InvariantGlobalization forbids creating de-DE itself, so its separators on a copy).
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = german.NumberFormat.PercentDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = german.NumberFormat.PercentGroupSeparator = ".";
        var (culture, threads) = (CultureInfo.CurrentCulture, CultureInfo.DefaultThreadCurrentCulture);
        string dir = Directory.CreateTempSubdirectory("qtl-culture").FullName;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = german;
            Assert.That(1.5.ToString(), Is.EqualTo("1,5"), "the culture is in force");
            var blobs = SyntheticData.Blobs(perClass: 6, features: 4, seed: 5);
            string[] names = ["Käfer", "蜜蜂"];
            var data = blobs with
            {
                Train = new FeatureSet(blobs.Train.Features, blobs.Train.Labels, names),
                Validation = new FeatureSet(blobs.Validation.Features, blobs.Validation.Labels, names),
            };
            var experiment = new TransferExperiment(TransferTrainerTests.Fast with { Epochs = 1 }, TransferExperiment.DefaultHeads, QdkSession.Runtime);
            experiment.WriteSummary(dir, data, experiment.Run(data, dir), seconds: 1.25);

            string summary = File.ReadAllText(Path.Combine(dir, RunFolder.SummaryFile));
            Assert.That(summary, Does.Contain("\"Käfer\"").And.Contain("\"蜜蜂\"").And.Contain("tanh·1.5708"));
            Assert.That(summary, Does.Not.Contain("\\u"));
            var files = Directory.GetFiles(dir, "*.json*");
            Assert.That(files, Has.Length.GreaterThan(3));
            foreach (string file in files)
                Assert.That(HoldsDecimalComma(file), Is.False, file);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.DefaultThreadCurrentCulture) = (culture, threads);
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Whether a text of a .json or .jsonl file holds a decimal comma (numbers cannot hold one; text can).</summary>
    internal static bool HoldsDecimalComma(string file) =>
        (file.EndsWith(".jsonl") ? File.ReadAllLines(file) : [File.ReadAllText(file)]).SelectMany(l => Strings(JsonDocument.Parse(l).RootElement)).Any(DecimalComma().IsMatch);

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();
}

using System.Text.Json;
using Qtl.Model;
using Qtl.Training;

namespace Qtl.Tests.Training;

/// <summary>A run folder keeps its file names and JSON text, so folders written before still load.</summary>
public class RunFolderFormatTests
{
    [Test]
    public void EveryHeadIsWrittenUnderItsLowerCaseNameAndLoadsBack()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-format").FullName;
        try
        {
            var data = SyntheticData.Blobs(perClass: 6, features: 4, seed: 5);
            var experiment = new TransferExperiment(TransferTrainerTests.Fast with { Epochs = 1 }, TransferExperiment.DefaultHeads, QdkSession.Runtime);
            experiment.WriteSummary(dir, data, experiment.Run(data, dir), seconds: 0);

            foreach (string name in new[] { "quantum", "classical", "linear" })
            {
                using var checkpoint = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, $"{name}.checkpoint.json")));
                Assert.That(checkpoint.RootElement.GetProperty("state").GetProperty("kind").GetString(), Is.EqualTo(name));
                Assert.That(File.ReadAllLines(Path.Combine(dir, $"{name}.metrics.jsonl")), Has.Length.EqualTo(1));
            }
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, RunFolder.SummaryFile)));
            foreach (string key in new[] { "quantum", "classical", "linear", "baseline" })
                Assert.That(summary.RootElement.TryGetProperty(key, out _), Is.True, key);
            Assert.That(RunFolder.LoadModel(dir, HeadKind.Linear).Kind, Is.EqualTo(HeadKind.Linear));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

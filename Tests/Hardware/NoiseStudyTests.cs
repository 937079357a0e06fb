using System.Text.Json;
using Qtl.Hardware;
using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Tests.Training;
using Qtl.Training;

namespace Qtl.Tests.Hardware;

/// <summary>A noise study of a small trained head: accuracy falls with noise, and every file is written.</summary>
[NonParallelizable]
public class NoiseStudyTests
{
    [Test, Integration]
    public void AccuracyDegradesWithNoiseAndTheStudyWritesItsFiles()
    {
        var data = SyntheticData.Blobs(perClass: 40, features: 6, seed: 5);
        var options = new TrainingOptions
        {
            Qubits = 2, Depth = 2, LearningRate = 0.05, BatchSize = 4, Epochs = 4, StepSize = 3, Gamma = 0.5,
            Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint, Seed = 2,
        };
        var model = new TransferTrainer(options, new NativeBackend()).Train(HeadKind.Quantum, data);
        Assert.That(model.BestValidationAccuracy, Is.GreaterThanOrEqualTo(0.9), "the study needs a model that learned something");

        var study = new NoiseStudyOptions { NoiseLevels = [0, 0.05, 0.6], Shots = [100, 2000, 0], Repeats = 2, QdkMaxShots = 100 };
        var result = NoiseStudy.Run(QdkSession.Runtime, model, data.Validation, study);
        Assert.That(result.Points, Has.Count.EqualTo(9));
        double Exact(double p) => result.Points.Single(x => x.Noise == p && x.Shots == 0).Mean;
        Assert.That(Exact(0), Is.EqualTo(model.BestValidationAccuracy).Within(1e-12), "noiseless exact = the trainer's own validation");
        Assert.That(Exact(0.05), Is.LessThanOrEqualTo(Exact(0) + 1e-12));
        Assert.That(Exact(0.6), Is.LessThan(Exact(0) - 0.2), "heavy noise should wash the class signal out");
        Assert.That(result.Points.Where(x => x.Shots == 100).Select(x => x.Source), Is.All.EqualTo(NoiseStudy.QdkSource));
        Assert.That(result.Points.Where(x => x.Shots == 2000).Select(x => x.Source), Is.All.EqualTo(NoiseStudy.SampledSource));
        Assert.That(result.Points.Where(x => x.Shots > 0).Select(x => x.Accuracies.Count), Is.All.EqualTo(2));
        Assert.That(result.Points.Single(x => x.Noise == 0.6 && x.Shots == 2000).Mean, Is.LessThan(Exact(0) - 0.1));

        string dir = Directory.CreateTempSubdirectory("qtl-noise").FullName;
        try
        {
            string report = NoiseStudyReport.Write(dir, result, "synthetic quantum head", "synthetic blobs");
            foreach (string file in new[] { "noise-study.csv", "noise-study.json", "accuracy-vs-noise.svg", "accuracy-vs-noise.csv", "accuracy-vs-shots.svg", "report.html" })
                Assert.That(File.Exists(Path.Combine(dir, file)), file);
            Assert.That(File.ReadAllLines(Path.Combine(dir, "noise-study.csv")), Has.Length.EqualTo(1 + 9));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "noise-study.json")));
            Assert.That(json.RootElement.GetProperty("points").GetArrayLength(), Is.EqualTo(9));
            Assert.That(File.ReadAllText(report), Does.Contain("<svg").And.Contain(NoiseStudy.QdkSource));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void InvalidStudyOptionsSayWhatIsAllowed()
    {
        Assert.That(Assert.Throws<UserError>(() => new NoiseStudyOptions { NoiseLevels = [1.5] }.Validate())!.Message, Does.Contain("0 to 1"));
        Assert.That(Assert.Throws<UserError>(() => new NoiseStudyOptions { Repeats = 0 }.Validate())!.Message, Does.Contain("1 to 100"));
        Assert.That(new NoiseStudyOptions().QdkShots(80), Is.EqualTo(5L * 3 * 80 * 100), "default budget: 100 shots on the QDK, larger counts sampled");
    }
}

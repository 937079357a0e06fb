using System.Text.Json;
using Qtl.Data;
using Qtl.Distillation;
using Qtl.Training;

namespace Qtl.Tests.Distillation;

public class DistillerTests
{
    private static readonly DistillationOptions Tiny = new()
    {
        Teacher = TeacherChoice.None, Classes = [0, 1, 5], Qubits = 2, Depth = 2, Epochs = 4, PerClass = 40, LearningRate = 0.01,
        DataDirectory = FashionMnist.SubsetDirectory, Seed = 3,
    };

    [Test]
    public void TinyRunOnTheCommittedSubsetLearnsAboveChance()
    {
        var result = Distiller.Run(Tiny);
        Assert.That(result.TestCount, Is.EqualTo(120));
        Assert.That(result.StudentTestAccuracy, Is.GreaterThan(0.5), "chance is 1/3");
    }

    [Test]
    public void DistillationFromATeacherRunsAndReportsTheTeacherAccuracy()
    {
        var options = new DistillationOptions
        {
            Teacher = TeacherChoice.LeNet, Classes = [0, 1, 2, 3, 4, 5], Epochs = 2, PerClass = 20,
            DataDirectory = FashionMnist.SubsetDirectory, Seed = 1,
        };
        var result = Distiller.Run(options);
        Assert.That(result.TeacherTestAccuracy, Is.GreaterThan(0.7));
        Assert.That(result.StudentTestAccuracy, Is.GreaterThan(1.0 / 6));
    }

    [Test]
    public void TheFrontEndLearningRateDrivesTheFrontEndAndDefaultsToTheRecipeRate()
    {
        // Depth 0: the linear front-end holds every trainable parameter.
        var options = Tiny with { Depth = 0, Epochs = 2, PerClass = 20 };
        var recipe = Distiller.Run(options);
        var same = Distiller.Run(options with { FrontEndLearningRate = options.LearningRate });
        var frozen = Distiller.Run(options with { FrontEndLearningRate = 1e-12 });

        Assert.That(same.Epochs.Select(e => e.TrainLoss), Is.EqualTo(recipe.Epochs.Select(e => e.TrainLoss)), "the same rate must give the same run");
        Assert.That(recipe.Epochs[1].TrainLoss, Is.LessThan(recipe.Epochs[0].TrainLoss - 0.01), "at the recipe rate the front-end learns");
        Assert.That(frozen.Epochs[1].TrainLoss, Is.EqualTo(frozen.Epochs[0].TrainLoss).Within(1e-6), "a frozen front-end leaves nothing to learn");
    }

    [TestCase("none")]
    [TestCase("lenet")]
    public void AResumedRunEndsWithTheBitsOfAnUninterruptedOne(string teacher)
    {
        var options = Tiny with { Teacher = TeacherChoice.Parse(teacher), Classes = teacher == "none" ? [0, 1, 5] : [0, 1, 2, 3, 4, 5], Qubits = 3, Epochs = 3, PerClass = 15 };
        string dir = Directory.CreateTempSubdirectory("qtl-distill-resume-").FullName;
        try
        {
            string whole = Path.Combine(dir, "whole.json"), parts = Path.Combine(dir, "parts.json");
            var uninterrupted = Distiller.Run(options, checkpoint: whole);
            Distiller.Run(options with { Epochs = 1 }, checkpoint: parts);
            var resumed = Distiller.Run(options, checkpoint: parts, resume: true);

            var a = Checkpoint.Load<DistillationState>(whole, DistillationState.Format);
            var b = Checkpoint.Load<DistillationState>(parts, DistillationState.Format);
            Assert.That(b.Progress.EpochsDone, Is.EqualTo(3));
            foreach (var (name, values) in a.Progress.Parameters)
                Assert.That(b.Progress.Parameters[name], Is.EqualTo(values), $"parameter {name}, bit for bit");
            Assert.That(b.Progress.History.Select(e => e.TrainLoss), Is.EqualTo(a.Progress.History.Select(e => e.TrainLoss)));
            Assert.That(resumed.StudentTestAccuracy, Is.EqualTo(uninterrupted.StudentTestAccuracy));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void ResumingWithOtherOptionsIsRefusedNamingThem()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-distill-resume-").FullName;
        try
        {
            string checkpoint = Path.Combine(dir, DistillationState.File);
            Distiller.Run(Tiny with { Epochs = 1, PerClass = 10 }, checkpoint: checkpoint);
            byte[] before = File.ReadAllBytes(checkpoint);
            var error = Assert.Throws<UserError>(() =>
                Distiller.Run(Tiny with { Epochs = 2, PerClass = 10, LearningRate = 0.02 }, checkpoint: checkpoint, resume: true))!;
            Assert.That(error.Message, Does.Contain("--lr is 0.02 here, 0.01 in the checkpoint"));
            Assert.That(File.ReadAllBytes(checkpoint), Is.EqualTo(before), "a refused resume changes nothing");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [TestCase(0.0)]
    [TestCase(double.NaN)]
    [TestCase(10.0)]
    public void AnOutOfRangeFrontEndLearningRateIsRefused(double rate)
    {
        var error = Assert.Throws<UserError>(() => new DistillationOptions { FrontEndLearningRate = rate }.Validate())!;
        Assert.That(error.Message, Does.Contain("front-end learning rate").And.Contain("allowed"));
    }

    [Test]
    public void AFrontEndLearningRateWithTheFixedPcaFrontEndIsRefused()
    {
        var error = Assert.Throws<UserError>(() => (Tiny with { FrontEnd = FrontEnd.Pca, FrontEndLearningRate = 1e-4 }).Validate())!;
        Assert.That(error.Message, Does.Contain("linear front-end").And.Contain("pca"));
    }

    [TestCase(TeacherKind.LeNet, "0-5")]
    [TestCase(TeacherKind.AlexNet, "0-7")]
    public void TeacherAccuracyOnTheFullTestSplitMatchesItsMetadata(TeacherKind family, string tag)
    {
        if (!Directory.Exists(FashionMnist.SystemDirectory)) Assert.Ignore("the full FashionMNIST test split is not installed");
        string model = TeacherSet.CommittedModel(family, ClassSubset.Parse(tag));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(model, ".json")));
        double expected = json.RootElement.GetProperty("test_accuracy").GetDouble();
        int[] classes = json.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetInt32()).ToArray();
        var data = KdData.Load(new DistillationOptions { Classes = classes, PerClass = 1 });
        var teacher = TeacherSet.Resolve(TeacherChoice.Parse(family.Text()), tag);
        double accuracy = TeacherSet.Accuracy(teacher.Logits(data.Test, classes.Length), data.Test.Labels);
        Assert.That(accuracy, Is.EqualTo(expected).Within(0.01));
    }
}

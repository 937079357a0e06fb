using Qtl.Distillation.Paper;
using Qtl.Distillation;
using Qtl.Quantum.Gradients;

namespace Qtl.Tests.Distillation.Paper;

/// <summary>The published protocol's data, per-cell quirks, ladder and reproducibility (tiny runs).</summary>
public class PaperProtocolTests
{
    private static PaperOptions Tiny(string teacher) => PaperOptions.ForCell(ClassSubset.ZeroToSeven, 4, TeacherChoice.Parse(teacher), 2) with { Epochs = 2, PerClass = 4, Shots = 50 };

    [Test]
    public void SplitsAreTheFirstImagesPerClassInFileOrder()
    {
        byte[] labels = [1, 0, 1, 2, 0, 1, 0, 2, 1];
        Assert.That(PaperData.FirstPerClass(labels, [0, 1], 0, 2), Is.EqualTo(new[] { 1, 4, 0, 2 }));
        Assert.That(PaperData.FirstPerClass(labels, [0, 1], 2, 2), Is.EqualTo(new[] { 6, 5, 8 }), "validation: the next ones, disjoint");
        // Debian's full FashionMNIST, or the committed subset (100 train / 40 test images per class) without it.
        var data = PaperData.Load([0, 1, 2, 3, 4, 5], 30, null);
        Assert.That(data.Train.Count, Is.EqualTo(180));
        Assert.That(data.TestSubset.Count, Is.EqualTo(180));
        Assert.That(data.Train.Labels, Is.EqualTo(Enumerable.Range(0, 6).SelectMany(c => Enumerable.Repeat(c, 30))), "class by class, as the code appends them");
        Assert.That(data.Train.Teacher.Indices.Intersect(data.Validation.Teacher.Indices), Is.Empty);
        Assert.That(data.Train.Pixels.SelectMany(x => x).Max(), Is.LessThanOrEqualTo(1).And.GreaterThan(0.9), "pixels in [0, 1], not normalised");
    }

    [Test]
    public void CellsCarryThePublishedCodesQuirks()
    {
        var (zeroToFive, zeroToSeven) = (ClassSubset.ZeroToFive, ClassSubset.ZeroToSeven);
        Assert.That(PaperOptions.ForCell(zeroToFive, 3, TeacherChoice.None, 1).Head, Is.EqualTo(PaperHead.Softmax));
        Assert.That(PaperOptions.ForCell(zeroToFive, 3, TeacherChoice.LeNet, 1).Head, Is.EqualTo(PaperHead.SigmoidPair));
        Assert.That(PaperOptions.ForCell(zeroToSeven, 4, TeacherChoice.None, 1).Head, Is.EqualTo(PaperHead.SigmoidPair));
        Assert.That(PaperOptions.ForCell(zeroToSeven, 4, TeacherChoice.LeNet, 1).KdReachesStudent, Is.False);
        Assert.That(PaperOptions.ForCell(zeroToSeven, 3, TeacherChoice.LeNet, 1).KdReachesStudent, Is.True);
        Assert.That(PaperOptions.ForCell(zeroToSeven, 4, TeacherChoice.AlexNet, 1).Shots, Is.EqualTo(2000));
        var top = PaperLadder.Configure(PaperLadder.Steps.Count - 1, zeroToSeven, 4, TeacherChoice.LeNet, 1);
        Assert.That((top.KdReachesStudent, top.Rule, top.Selection, top.Depth), Is.EqualTo((true, ShiftRule.Exact, PaperSelection.HeldOut, 3)));
        Assert.Throws<UserError>(() => (Tiny("none") with { Teacher = TeacherChoice.Model("resnet.onnx") }).Validate());
    }

    [Test]
    public void AKdTermThatSendsNoGradientIsTheBaselineBitForBit()
    {
        var alone = PaperTrainer.Run(Tiny("none"));
        var disguised = PaperTrainer.Run(Tiny("lenet"));
        var distilled = PaperTrainer.Run(Tiny("lenet") with { KdReachesStudent = true });
        Assert.That(disguised.Epochs.Select(e => e.ValidationAccuracy), Is.EqualTo(alone.Epochs.Select(e => e.ValidationAccuracy)));
        Assert.That(disguised.Epochs.Select(e => e.TrainLoss), Is.EqualTo(alone.Epochs.Select(e => e.TrainLoss)));
        Assert.That(distilled.Epochs.Select(e => e.TrainLoss), Is.Not.EqualTo(alone.Epochs.Select(e => e.TrainLoss)), "a real KD term changes training");
    }

    [Test]
    public void RunsRepeatBitForBitAloneOrInParallel()
    {
        var options = new[] { Tiny("alexnet"), Tiny("ensemble") with { Selection = PaperSelection.HeldOut, Rule = ShiftRule.Exact, Depth = 1 } };
        var first = options.Select(o => PaperTrainer.Run(o)).ToArray();
        var parallel = new PaperRunResult[2];
        Parallel.For(0, 2, i => parallel[i] = PaperTrainer.Run(options[i]));
        for (int i = 0; i < 2; i++)
        {
            Assert.That(parallel[i].Accuracy, Is.EqualTo(first[i].Accuracy));
            Assert.That(parallel[i].Epochs.Select(e => e.TrainLoss), Is.EqualTo(first[i].Epochs.Select(e => e.TrainLoss)));
        }
        var data = PaperData.Load(options[1].Classes, options[1].PerClass, null);
        Assert.That(first[1].ScoredCount, Is.EqualTo(data.Test.Count), "held out: scored on the whole test split of 0-7");
        Assert.That(data.Test.Count, Is.GreaterThan(data.TestSubset.Count));
    }

    [Test]
    public void TheRunCacheGivesBackTheSameBitsForTheSameOptionsOnly()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"qtl-paper-cache-{Guid.NewGuid():N}");
        try
        {
            var cache = new PaperRunCache(dir);
            var options = Tiny("alexnet") with { Epochs = 1 };
            Assert.That(cache.TryLoad(options), Is.Null);
            var run = PaperTrainer.Run(options);
            cache.Store(run);
            var back = cache.TryLoad(options)!;
            Assert.That((back.Accuracy, back.SelectedEpoch, back.TeacherAccuracy), Is.EqualTo((run.Accuracy, run.SelectedEpoch, run.TeacherAccuracy)));
            Assert.That(back.Epochs, Is.EqualTo(run.Epochs));
            Assert.That(cache.TryLoad(options with { Seed = 3 }), Is.Null);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}

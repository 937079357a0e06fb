using Qtl.Model;
using Qtl.Quantum;
using Qtl.Tests.Data;
using Qtl.Tests.Training;
using Qtl.Training;

namespace Qtl.Tests.Api;

/// <summary>
/// The library API on a feature table and the classical heads (no QDK process: the quantum head's report draws its
/// circuit with the QDK, which the integration tests cover): a run folder written by Train, read back by Open.
/// </summary>
public class QtlContextTests
{
    private static readonly TrainingOptions Quick = new() { Epochs = 3, LearningRate = 0.01, Backend = BackendKind.Native };
    private static readonly HeadKind[] Classical = [HeadKind.Classical, HeadKind.Linear];

    [Test]
    public void TrainWritesTheRunFolderAndOpenReadsTheSameHeadsBack()
    {
        string root = TestImages.TempDir("qtl-api");
        try
        {
            var data = Dataset.FromFeatures(SyntheticData.Blobs(12, 6, seed: 3).Train, SyntheticData.Blobs(12, 6, seed: 4).Validation, "blobs");
            using var qtl = new QtlContext();
            var run = qtl.Train(data, Quick, Path.Combine(root, "run"), Classical);

            Assert.That(run.Heads.Select(h => h.Kind), Is.EqualTo(Classical));
            foreach (var file in new[] { "summary.json", "report.html", "classical.checkpoint.json", "loss.svg", "loss.csv", "confusion-linear.svg" })
                Assert.That(File.Exists(Path.Combine(run.Folder, file)), file);
            Assert.That(run.ReportFile, Does.Exist);
            Assert.That(run.Table().Select(r => r.Head), Is.EqualTo(new[] { "classical", "linear" }));
            Assert.That(run.Linear.Confusion.Sum(row => row.Sum()), Is.EqualTo(data.Validation.Count), "[true][predicted] counts every validation sample");
            Assert.That(Chart.Render(run.Linear.ConfusionChart()), Does.Contain("<svg"));
            Assert.That(run.LossChart().Rows, Has.Count.EqualTo(2 * 2 * Quick.Epochs), "train and validation of both heads, every epoch");

            var opened = qtl.Open(run.Folder, data);
            Assert.That(opened.Options, Is.EqualTo(run.Options));
            Assert.That(opened.Heads.Select(h => h.Kind), Is.EqualTo(Classical));
            foreach (var kind in Classical)
            {
                Assert.That(opened[kind].Accuracy, Is.EqualTo(run[kind].Accuracy), "evaluated again, the same best parameters score the same");
                Assert.That(opened[kind].Confusion, Is.EqualTo(run[kind].Confusion));
                Assert.That(opened[kind].History, Is.EqualTo(run[kind].History));
                Assert.That(opened[kind].Logits(data.Validation.Features), Is.EqualTo(run[kind].Logits(data.Validation.Features)));
            }
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Test]
    public void WhatARunCannotDoIsAUserErrorThatSaysWhy()
    {
        string root = TestImages.TempDir("qtl-api-errors");
        try
        {
            var blobs = SyntheticData.Blobs(8, 4, seed: 1);
            var data = Dataset.FromFeatures(blobs.Train, blobs.Validation);
            using var qtl = new QtlContext();
            string folder = Path.Combine(root, "run");
            var run = qtl.Train(data, Quick with { Epochs = 1 }, folder, [HeadKind.Linear]);

            Assert.That(Assert.Throws<UserError>(() => qtl.Train(data, Quick, folder, [HeadKind.Linear]))!.Message, Does.Contain("already holds a run"));
            Assert.That(Assert.Throws<UserError>(() => run.Linear.Predict("photo.png"))!.Message, Does.Contain("feature table"));
            Assert.That(Assert.Throws<UserError>(() => _ = run.Quantum)!.Message, Does.Contain("no quantum head").And.Contain("linear"));
            Assert.That(Assert.Throws<UserError>(() => run.Linear.Circuit())!.Message, Does.Contain("has no circuit"));
            Assert.That(Assert.Throws<UserError>(() => data.SaveImage(0, Path.Combine(root, "x.png")))!.Message, Does.Contain("feature table"));
            Assert.That(Assert.Throws<UserError>(() => _ = qtl.Open(folder).Data)!.Message, Does.Contain("pass its Dataset"));
            Assert.That(Assert.Throws<UserError>(() => qtl.Open(Path.Combine(root, "none")))!.Message, Does.Contain("no run folder"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Test]
    public void WriteReportDrawsTheReportAndFiguresOfAnOpenedRunAgain()
    {
        string root = TestImages.TempDir("qtl-api-report");
        try
        {
            var blobs = SyntheticData.Blobs(10, 4, seed: 2);
            var data = Dataset.FromFeatures(blobs.Train, blobs.Validation);
            using var qtl = new QtlContext();
            var run = qtl.Train(data, Quick, Path.Combine(root, "run"), Classical);
            var drawn = RunFiles.Drawn(run.Folder);
            RunFiles.DeleteDrawn(run.Folder);

            string report = qtl.Open(run.Folder, data).WriteReport();

            Assert.That(report, Is.EqualTo(run.ReportFile));
            RunFiles.AssertRestored(run.Folder, drawn);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}

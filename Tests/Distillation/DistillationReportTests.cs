using Qtl.Data;
using Qtl.Distillation;
using Qtl.Tests.Api;
using Qtl.Tests.Data;

namespace Qtl.Tests.Distillation;

/// <summary>A distillation run's report is drawn from its result, and again, the same, from the files the run wrote.</summary>
public class DistillationReportTests
{
    [Test]
    public void ReadGivesBackTheResultAndItsReportIsDrawnAgainTheSame()
    {
        string dir = TestImages.TempDir("qtl-kd-report");
        try
        {
            var options = new DistillationOptions
            {
                Teacher = TeacherChoice.None, Classes = [0, 1, 2], Qubits = 2, Depth = 1, PerClass = 10, TestPerClass = 5, Epochs = 2,
                DataDirectory = FashionMnist.SubsetDirectory,
            };
            var result = Distiller.Run(options, checkpoint: DistillationState.PathIn(dir));
            DistillationReport.Write(dir, result);
            var drawn = RunFiles.Drawn(dir);
            Assert.That(drawn.Keys, Is.SupersetOf(new[] { "report.html", "report.md", "metrics.csv", "loss.svg", "loss.csv", "accuracy.svg", "confusion.svg", "confusion.csv" }));

            var read = DistillationReport.Read(dir);
            Assert.That(read.Confusion, Is.EqualTo(result.Confusion));
            Assert.That(read.Epochs, Is.EqualTo(result.Epochs));
            Assert.That(read.StudentTestAccuracy, Is.EqualTo(result.StudentTestAccuracy));
            Assert.That(read.Confusion.Sum(row => row.Sum()), Is.EqualTo(result.TestCount));

            RunFiles.DeleteDrawn(dir);
            DistillationReport.WriteReport(dir, read);
            RunFiles.AssertRestored(dir, drawn);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void ARunWithoutItsSummaryIsRefusedNamingWhatIsMissing()
    {
        string dir = TestImages.TempDir("qtl-kd-no-summary");
        try
        {
            Assert.That(Assert.Throws<UserError>(() => DistillationReport.Read(dir))!.Message, Does.Contain("has no summary.json"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}

using System.Text.Json;
using Qtl.Distillation;
using Qtl.IO;

namespace Qtl.Tests.Distillation;

/// <summary>Teachers and class subsets are typed, and keep the spelling that checkpoints, summaries and docs use.</summary>
public class TeacherChoiceTests
{
    [Test]
    public void ATeacherIsANameOrAModelPathAndReadsBackAsWritten()
    {
        Assert.That(TeacherChoice.Parse("ensemble"), Is.SameAs(TeacherChoice.Ensemble));
        Assert.That(TeacherChoice.Parse("none").IsNone, Is.True);
        var model = TeacherChoice.Parse("models/my-teacher.onnx");
        Assert.That((model.Kind, model.ModelPath, model.IsCommitted), Is.EqualTo((TeacherKind.Model, "models/my-teacher.onnx", false)));
        Assert.That(TeacherChoice.Parse("LeNet").Kind, Is.EqualTo(TeacherKind.Model), "names are spelt exactly, as every closed set");
        Assert.Throws<UserError>(() => TeacherChoice.Parse(" "));

        foreach (var teacher in TeacherChoice.Named.Append(model))
            Assert.That(JsonSerializer.Deserialize<TeacherChoice>(JsonSerializer.Serialize(teacher)), Is.EqualTo(teacher));
        Assert.That(JsonSerializer.Serialize(TeacherChoice.AlexNet), Is.EqualTo("\"alexnet\""));
    }

    [Test]
    public void OptionsAndCheckpointsSpellTheTeacherAsBefore()
    {
        // The spelling of checkpoints written before the teacher was typed, so they still resume.
        string json = JsonSerializer.Serialize(new DistillationOptions(), JsonFiles.Options);
        Assert.That(json, Does.Contain("\"teacher\": \"ensemble\""));
        var read = JsonSerializer.Deserialize<DistillationOptions>(json.Replace("\"ensemble\"", "\"models/t.onnx\""), JsonFiles.Options)!;
        Assert.That(read.Teacher, Is.EqualTo(TeacherChoice.Model("models/t.onnx")));
    }

    [Test]
    public void AClassSubsetIsOneOfThePublishedTwoAndAnyOtherIsAnError()
    {
        Assert.That(ClassSubset.Parse("0-5").Classes, Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(ClassSubset.Of([0, 1, 2, 3, 4, 5, 6, 7]), Is.SameAs(ClassSubset.ZeroToSeven));
        Assert.That(Assert.Throws<UserError>(() => ClassSubset.Parse("0-6"))!.Message, Is.EqualTo("classes 0-6 are not a subset of the published table; allowed: 0-5, 0-7."));
        Assert.Throws<UserError>(() => ClassSubset.Of([1, 2, 3, 4, 5, 6]));
        var e = Assert.Throws<UserError>(() => TeacherSet.Resolve(TeacherChoice.LeNet, "0-2"))!;
        Assert.That(e.Message, Does.StartWith("no committed lenet teacher for classes 0-2: teachers exist for 0-5 and 0-7"));
    }

    [Test]
    public void TheCommittedTeachersAreFoundByKindAndSubset()
    {
        var ensemble = TeacherSet.Resolve(TeacherChoice.Ensemble, "0-7");
        Assert.That(ensemble.Name, Is.EqualTo("ensemble"));
        Assert.That(ensemble.Models.Select(Path.GetFileName), Is.EqualTo(new[] { "teacher-lenet-0-7.onnx", "teacher-alexnet-0-7.onnx" }));
        Assert.That(Path.GetFileName(TeacherSet.CommittedModel(TeacherKind.AlexNet, ClassSubset.ZeroToFive)), Is.EqualTo("teacher-alexnet-0-5.onnx"));
    }
}

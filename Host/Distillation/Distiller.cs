using System.Diagnostics;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.Distillation;

/// <summary>
/// Trains a quantum student on labels and (optionally) a teacher's soft targets through the <see cref="Trainer"/>:
/// the KD loss, two parameter groups (front-end and circuit, each its own Adam and rate), a (seed, epoch) shuffle,
/// the last epoch kept. With a checkpoint path the state is saved there after every epoch
/// (<see cref="DistillationState"/>); a resumed run ends with the bits of an uninterrupted one.
/// </summary>
public static class Distiller
{
    /// <summary>Test images per forward pass (one backend call each).</summary>
    private const int EvaluationChunk = 2000;

    public static DistillationResult Run(DistillationOptions options, Action<string>? log = null, KdData? data = null,
        QdkRuntime? runtime = null, string? checkpoint = null, bool resume = false)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var state = new DistillationState(options);
        if (resume)
        {
            var saved = Checkpoint.Load<DistillationState>(checkpoint ?? throw new ArgumentException("resume needs a checkpoint path."), DistillationState.Format);
            ResumeCheck.Require(options, saved.Options);
            state = state with { Progress = saved.Progress };
        }
        data ??= KdData.Load(options);
        int classes = options.Classes.Count;
        TeacherSet? teacher = options.HasTeacher ? TeacherSet.Resolve(options.Teacher, options.ClassesTag) : null;
        double[][]? soft = null;
        double? teacherAccuracy = null;
        if (teacher is not null)
        {
            soft = TeacherSet.Soft(teacher.Logits(data.Train, classes), options.Temperature);
            teacherAccuracy = TeacherSet.Accuracy(teacher.Logits(data.Test, classes), data.Test.Labels);
            log?.Invoke($"teacher {teacher.Name}: test accuracy {teacherAccuracy:P2} on {data.Test.Count} images");
        }

        using var backend = Backends.Create(options.Backend, runtime, options.Seed);
        var student = Students.Create(options.Shape, classes, options.FrontEnd, data.Train.Pixels, backend, options.GradientMethod,
            new Random(options.Seed), options.Shots);
        var plan = new TrainingPlan(student, new TrainingSet(data.Train.Pixels, data.Train.Labels, soft), new KdLoss(options.Temperature, options.Lambda),
            Students.Groups(student, options.FrontEndLearningRate ?? options.LearningRate, options.LearningRate),
            new SeededShuffle(options.Seed, options.BatchSize), options.Epochs);
        var trainer = new Trainer();
        trainer.EpochCompleted += progress =>
        {
            state = state with { Progress = progress };
            if (checkpoint is not null) Checkpoint.Save(checkpoint, DistillationState.Format, state);
            var m = progress.History[^1];
            log?.Invoke($"epoch {m.Epoch}/{options.Epochs}: loss {m.TrainLoss:F4}, train accuracy {m.TrainAccuracy:P1} ({m.Seconds:F1} s)");
        };
        state = state with { Progress = trainer.Fit(plan, resume ? state.Progress : null) };

        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        int right = 0;
        var logits = student.Predict(data.Test.Pixels, EvaluationChunk);
        for (int i = 0; i < logits.Length; i++)
        {
            int predicted = Probabilities.ArgMax(logits[i]), label = data.Test.Labels[i];
            confusion[label][predicted]++;
            if (predicted == label) right++;
        }
        double accuracy = right / (double)data.Test.Count;
        log?.Invoke($"student test accuracy {accuracy:P2} on {data.Test.Count} images");
        return new DistillationResult(options, teacher?.Name ?? "none", teacher?.Models ?? [], teacherAccuracy, accuracy, state.Progress.History,
            confusion, student.Describe(), student.ParameterCount, backend.DescribeReadout(options.Shots), data.Train.Count, data.Test.Count,
            data.Location.Notice, clock.Elapsed.TotalSeconds);
    }
}

using System.Diagnostics;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.Distillation.Paper;

/// <summary>
/// Trains one published student through the <see cref="Trainer"/>: batch 1, shuffled every epoch by the run's
/// generator, one Adam on every parameter, the published loss, the epoch selected on the test subset (or, held out,
/// on a validation split). Seeds: the run's generator (seed) draws the initial weights, the shuffles and the dropout
/// masks; the backend's (derived from seed) draws the shots. Same options → same bits.
/// </summary>
public static class PaperTrainer
{
    /// <summary>Images per evaluation pass; with shots it decides the shot streams, so it is part of the protocol's bits.</summary>
    private const int EvaluationChunk = 500;

    /// <param name="runtime">The QDK process, needed for the qsharp backend only.</param>
    public static PaperRunResult Run(PaperOptions options, PaperData? data = null, Action<string>? log = null, QdkRuntime? runtime = null)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        data ??= PaperData.Load(options.Classes, options.PerClass, options.DataDirectory);
        int classes = options.Classes.Count;
        bool heldOut = options.Selection == PaperSelection.HeldOut;
        var (selection, scored) = heldOut ? (data.Validation, data.Test) : (data.TestSubset, data.TestSubset);

        double[][]? soft = null;
        double? teacherAccuracy = null;
        if (options.HasTeacher)
        {
            teacherAccuracy = PaperTeachers.Accuracy(PaperTeachers.Logits(options.Teacher, scored.Teacher, classes), scored.Labels);
            if (options.KdReachesStudent) soft = PaperTeachers.Soft(PaperTeachers.Logits(options.Teacher, data.Train.Teacher, classes), options.Temperature);
        }

        var rng = new Random(options.Seed);
        using var backend = Backends.Create(options.Backend, runtime, unchecked(options.Seed * 1_000_003 + 17));
        var student = PaperStudent.Create(options.Qubits, options.Depth, options.Head, backend, options.Shots, options.Rule, rng);
        string split = heldOut ? "validation" : "test subset";
        var plan = new TrainingPlan(student, new TrainingSet(data.Train.Pixels, data.Train.Labels, soft), new PaperLoss(options.Temperature, options.KdWeight),
            [new ParameterGroup("all", student.Parameters, new StepLR(options.LearningRate))], new GeneratorShuffle(rng), options.Epochs)
        {
            Selection = new EpochSelection(s => new SplitScore(Accuracy(s, selection))),
        };
        var trainer = new Trainer();
        trainer.EpochCompleted += progress =>
        {
            var m = progress.History[^1];
            log?.Invoke($"epoch {m.Epoch}/{options.Epochs}: loss {m.TrainLoss:F4}, train {m.TrainAccuracy:P1}, {split} {m.ValidationAccuracy:P2} ({m.Seconds:F1} s)");
        };
        var state = trainer.Fit(plan);
        double reported = state.BestAccuracy;
        if (heldOut)
        {
            Parameter.LoadAll(student.Parameters, state.BestParameters, "the selected epoch");
            reported = Accuracy(student, scored);
        }
        return new PaperRunResult(options, reported, state.BestEpoch, state.History, teacherAccuracy, student.Describe(), student.ParameterCount,
            backend.DescribeReadout(options.Shots), data.Train.Count, scored.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Accuracy in evaluation mode (no dropout), one prediction = argmax over all head outputs, with fresh shots.</summary>
    public static double Accuracy(Head student, PaperSplit split)
    {
        var outputs = student.Predict(split.Pixels, EvaluationChunk);
        int right = 0;
        for (int i = 0; i < outputs.Length; i++)
            if (Probabilities.ArgMax(outputs[i]) == split.Labels[i]) right++;
        return right / (double)split.Count;
    }
}

using System.Diagnostics;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Training;
using Qtl.Runtime;

namespace Qtl.Distillation;

/// <summary>
/// Trains a quantum student on labels and (optionally) a teacher's soft targets. With a checkpoint path the
/// state is saved there after every epoch (<see cref="DistillationState"/>); a resumed run ends with the bits
/// of an uninterrupted one, because the samples' order depends only on (seed, epoch) as in training.
/// </summary>
public static class Distiller
{
    public static DistillationResult Run(DistillationOptions options, Action<string>? log = null, KdData? data = null,
        QdkRuntime? runtime = null, string? checkpoint = null, bool resume = false)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var state = new DistillationState(options);
        if (resume)
        {
            state = Checkpoint.Load<DistillationState>(checkpoint ?? throw new ArgumentException("resume needs a checkpoint path."), DistillationState.Format);
            state.CheckResumable(options);
            state = state with { Options = options };
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
        var model = new StudentModel(options.Shape, classes, options.FrontEnd, data.Train.Pixels, backend, options.GradientMethod, new Random(options.Seed));
        model.Circuit.Shots = options.Shots;
        // One Adam per parameter group: the front-end may have its own learning rate.
        Adam[] adams = [new Adam(model.Front.Parameters), new Adam([model.Circuit.Weights])];
        if (resume) Restore(state, model, adams);
        double frontRate = options.FrontEndLearningRate ?? options.LearningRate;
        var gradient = new double[classes];
        for (int epoch = state.EpochsDone; epoch < options.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            int[] order = Trainer.Shuffle(data.Train.Count, options.Seed, epoch);
            double lossSum = 0;
            int correct = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int[] batch = order[start..Math.Min(order.Length, start + options.BatchSize)];
                var pass = model.Forward(batch.Select(i => data.Train.Pixels[i]).ToArray(), training: true);
                var dLogits = new double[batch.Length][];
                for (int b = 0; b < batch.Length; b++)
                {
                    int i = batch[b];
                    lossSum += KdLoss.Compute(pass.Logits[b], data.Train.Labels[i], soft is null ? default : soft[i],
                        options.Temperature, options.Lambda, gradient);
                    dLogits[b] = gradient.Select(g => g / batch.Length).ToArray();
                    if (Probabilities.ArgMax(pass.Logits[b]) == data.Train.Labels[i]) correct++;
                }
                foreach (var p in model.Parameters) p.ZeroGradient();
                model.Backward(pass, dLogits);
                adams[0].Step(frontRate);
                adams[1].Step(options.LearningRate);
            }
            var metrics = new KdEpoch(epoch + 1, lossSum / order.Length, correct / (double)order.Length, epochClock.Elapsed.TotalSeconds);
            state = state with
            {
                EpochsDone = epoch + 1,
                Parameters = model.Parameters.ToDictionary(p => p.Name, p => (double[])p.Value.Clone()),
                Optimisers = adams.Select(AdamState.Of).ToList(),
                History = [.. state.History, metrics],
            };
            if (checkpoint is not null) Checkpoint.Save(checkpoint, DistillationState.Format, state);
            log?.Invoke($"epoch {epoch + 1}/{options.Epochs}: loss {metrics.Loss:F4}, train accuracy {metrics.TrainAccuracy:P1} ({metrics.Seconds:F1} s)");
        }

        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        int right = 0;
        const int chunk = 2000;
        for (int start = 0; start < data.Test.Count; start += chunk)
        {
            int count = Math.Min(chunk, data.Test.Count - start);
            var pass = model.Forward(data.Test.Pixels[start..(start + count)], training: false);
            for (int b = 0; b < count; b++)
            {
                int predicted = Probabilities.ArgMax(pass.Logits[b]), label = data.Test.Labels[start + b];
                confusion[label][predicted]++;
                if (predicted == label) right++;
            }
        }
        double accuracy = right / (double)data.Test.Count;
        log?.Invoke($"student test accuracy {accuracy:P2} on {data.Test.Count} images");
        return new DistillationResult(options, teacher?.Name ?? "none", teacher?.Models ?? [], teacherAccuracy, accuracy, state.History, confusion,
            model.Describe(), model.ParameterCount, ReadoutSource(backend, options.Shots), data.Train.Count, data.Test.Count,
            data.Location.Notice, clock.Elapsed.TotalSeconds);
    }

    private static void Restore(DistillationState state, StudentModel model, Adam[] adams)
    {
        Parameter.LoadAll(model.Parameters, state.Parameters, "the checkpoint");
        if (state.Optimisers.Count != adams.Length)
            throw new InvalidDataException("the checkpoint's optimiser state does not match the model.");
        for (int i = 0; i < adams.Length; i++) state.Optimisers[i].RestoreInto(adams[i]);
    }

    /// <summary>How the readout is obtained: exactly, or from shots, on which engine.</summary>
    public static string ReadoutSource(IQuantumBackend backend, int shots) => (backend, shots) switch
    {
        (NativeBackend, 0) => "exact (native state vector)",
        (NativeBackend, _) => $"{shots} shots {NativeBackend.SampledShotSource} (native)",
        (_, 0) => "exact (Q# state dump)",
        _ => $"{shots} shots of Q# measurement (MeasureEachZ)",
    };
}

using System.Diagnostics;
using Qtl.Model;
using Qtl.Quantum.Students;
using Qtl.Runtime;

namespace Qtl.Distillation;

/// <summary>One epoch of training: mean loss and accuracy over the training sample.</summary>
public sealed record KdEpoch(int Epoch, double Loss, double TrainAccuracy, double Seconds);

/// <summary>The outcome of one run: the student's test accuracy and, with a teacher, the teacher's (computed here).</summary>
public sealed record DistillationResult(
    DistillationOptions Options,
    string TeacherName,
    IReadOnlyList<string> TeacherModels,
    double? TeacherTestAccuracy,
    double StudentTestAccuracy,
    IReadOnlyList<KdEpoch> Epochs,
    int[,] Confusion,
    string Student,
    int StudentParameters,
    string ReadoutSource,
    int TrainCount,
    int TestCount,
    string DataNotice,
    double Seconds);

/// <summary>Trains a quantum student on labels and (optionally) a teacher's soft targets.</summary>
public static class Distiller
{
    public static DistillationResult Run(DistillationOptions options, Action<string>? log = null, KdData? data = null, QdkRuntime? runtime = null)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
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

        var rng = new Random(options.Seed);
        var backend = StudentBackends.Create(options.Backend, options.Seed, runtime);
        var model = new StudentModel(options.Shape, classes, options.FrontEnd, data.Train.Pixels, rng);
        // One Adam per parameter group: the front-end may have its own learning rate.
        var frontAdam = new Adam(model.Front.Parameters);
        var circuitAdam = new Adam([model.Weights]);
        double frontRate = options.FrontEndLearningRate ?? options.LearningRate;
        var epochs = new List<KdEpoch>();
        int[] order = Enumerable.Range(0, data.Train.Count).ToArray();
        var gradient = new double[classes];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            rng.Shuffle(order);
            double lossSum = 0;
            int correct = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int[] batch = order[start..Math.Min(order.Length, start + options.BatchSize)];
                var pass = model.Forward(backend, batch.Select(i => data.Train.Pixels[i]).ToArray(), options.Shots, training: true);
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
                model.Backward(backend, pass, dLogits);
                frontAdam.Step(frontRate);
                circuitAdam.Step(options.LearningRate);
            }
            epochs.Add(new KdEpoch(epoch, lossSum / order.Length, correct / (double)order.Length, epochClock.Elapsed.TotalSeconds));
            log?.Invoke($"epoch {epoch}/{options.Epochs}: loss {lossSum / order.Length:F4}, train accuracy {correct / (double)order.Length:P1} ({epochClock.Elapsed.TotalSeconds:F1} s)");
        }

        var confusion = new int[classes, classes];
        int right = 0;
        const int chunk = 2000;
        for (int start = 0; start < data.Test.Count; start += chunk)
        {
            int count = Math.Min(chunk, data.Test.Count - start);
            var pass = model.Forward(backend, data.Test.Pixels[start..(start + count)], options.Shots, training: false);
            for (int b = 0; b < count; b++)
            {
                int predicted = Probabilities.ArgMax(pass.Logits[b]), label = data.Test.Labels[start + b];
                confusion[label, predicted]++;
                if (predicted == label) right++;
            }
        }
        double accuracy = right / (double)data.Test.Count;
        log?.Invoke($"student test accuracy {accuracy:P2} on {data.Test.Count} images");
        return new DistillationResult(options, teacher?.Name ?? "none", teacher?.Models ?? [], teacherAccuracy, accuracy, epochs, confusion,
            model.Describe(), model.ParameterCount, backend.ReadoutSource(options.Shots), data.Train.Count, data.Test.Count,
            data.Location.Notice, clock.Elapsed.TotalSeconds);
    }
}

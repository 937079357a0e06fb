using System.Diagnostics;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Runtime;

namespace Qtl.Distillation.Paper;

/// <summary>
/// Trains one published student: batch 1, shuffled every epoch, Adam on every parameter, the published loss,
/// evaluation after every epoch. Seeds: the run's generator (seed) draws the initial weights, the shuffles and the
/// dropout masks; the backend's (derived from seed) draws the shots. Same options → same bits.
/// </summary>
public static class PaperTrainer
{
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
        var student = new PaperStudent(options.Qubits, options.Depth, options.Head, backend, options.Shots, options.Rule, rng);
        var adam = new Adam(student.Parameters);
        var order = Enumerable.Range(0, data.Train.Count).ToArray();
        var epochs = new List<PaperEpoch>();
        double best = -1;
        int bestEpoch = 0;
        double[][]? bestParameters = null;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            rng.Shuffle(order);
            double lossSum = 0;
            int correct = 0;
            foreach (int i in order)
            {
                student.ZeroGradients();
                var outputs = student.Forward([data.Train.Pixels[i]], training: true);
                var gradient = new double[outputs[0].Length];
                lossSum += PaperLoss.Compute(outputs[0], data.Train.Labels[i], soft is null ? default : soft[i],
                    options.Temperature, options.KdWeight, gradient);
                if (Probabilities.ArgMax(outputs[0]) == data.Train.Labels[i]) correct++;
                student.Backward(outputs, [gradient]);
                adam.Step(options.LearningRate);
            }
            double accuracy = Accuracy(student, selection);
            // Strictly better, as the published code: the first best epoch wins a tie.
            if (accuracy > best)
            {
                (best, bestEpoch) = (accuracy, epoch);
                if (heldOut) bestParameters = student.Parameters.Select(p => (double[])p.Value.Clone()).ToArray();
            }
            epochs.Add(new PaperEpoch(epoch, lossSum / order.Length, correct / (double)order.Length, accuracy, epochClock.Elapsed.TotalSeconds));
            log?.Invoke($"epoch {epoch}/{options.Epochs}: loss {lossSum / order.Length:F4}, train {correct / (double)order.Length:P1}, {(heldOut ? "validation" : "test subset")} {accuracy:P2} ({epochClock.Elapsed.TotalSeconds:F1} s)");
        }
        double reported = best;
        if (heldOut)
        {
            for (int j = 0; j < bestParameters!.Length; j++) bestParameters[j].CopyTo(student.Parameters[j].Value, 0);
            reported = Accuracy(student, scored);
        }
        return new PaperRunResult(options, reported, bestEpoch, epochs, teacherAccuracy, student.Describe(), student.ParameterCount,
            Distiller.ReadoutSource(backend, options.Shots), data.Train.Count, scored.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Accuracy in evaluation mode (no dropout), one prediction = argmax over all head outputs, with fresh shots.</summary>
    public static double Accuracy(PaperStudent student, PaperSplit split)
    {
        const int chunk = 500;
        int right = 0;
        for (int start = 0; start < split.Count; start += chunk)
        {
            int count = Math.Min(chunk, split.Count - start);
            var outputs = student.Forward(split.Pixels[start..(start + count)], training: false);
            for (int b = 0; b < count; b++)
                if (Probabilities.ArgMax(outputs[b]) == split.Labels[start + b]) right++;
        }
        return right / (double)split.Count;
    }
}

using System.Diagnostics;
using Qtl.Data;
using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Training;

/// <summary>
/// Trains one head with Adam, StepLR and cross-entropy; keeps the best parameters by
/// validation accuracy; writes a checkpoint after every epoch so that a resumed run ends
/// with exactly the weights an uninterrupted one would (shuffles depend only on seed and epoch).
/// </summary>
public sealed class Trainer(TrainingOptions options, IQuantumBackend? backend = null)
{
    private const int EvaluationChunk = 1000;

    public TrainingOptions Options { get; } = options.Validate();

    public event Action<TrainingProgress>? Progress;
    public event Action<HeadKind, EpochMetrics>? EpochCompleted;

    /// <summary>
    /// Trains <paramref name="kind"/> on <paramref name="data"/>. With <paramref name="checkpointPath"/>
    /// the state is saved there after every epoch; with <paramref name="resume"/> training continues from it.
    /// </summary>
    public TrainedModel Train(HeadKind kind, TransferData data, string? checkpointPath = null, bool resume = false)
    {
        if (data.Train.Dimension != data.Validation.Dimension)
            throw new ArgumentException($"train features have dimension {data.Train.Dimension}, validation {data.Validation.Dimension}.");
        var head = Heads.Create(kind, data.Train.Dimension, data.Train.ClassNames.Count, Options, backend);
        var adam = new Adam(head.Parameters);
        var state = new TrainingState(kind, Options, data.Train.ClassNames, data.Train.Dimension);
        if (resume)
        {
            if (checkpointPath is null || !File.Exists(checkpointPath))
                throw new FileNotFoundException($"cannot resume: no checkpoint at {checkpointPath}.");
            state = Checkpoint.Load(checkpointPath).ResumeInto(head, adam, Options, data.Train.Dimension, data.Train.ClassNames);
        }

        int steps = (data.Train.Count + Options.BatchSize - 1) / Options.BatchSize;
        for (int epoch = state.EpochsDone; epoch < Options.Epochs; epoch++)
        {
            var epochWatch = Stopwatch.StartNew();
            double lr = Options.LearningRateAt(epoch);
            int[] order = Shuffle(data.Train.Count, Options.Seed, epoch);
            double lossSum = 0;
            int correct = 0;
            for (int s = 0; s < steps; s++)
            {
                int[] idx = order[(s * Options.BatchSize)..Math.Min(order.Length, (s + 1) * Options.BatchSize)];
                var x = idx.Select(i => data.Train.Features[i]).ToArray();
                var y = idx.Select(i => data.Train.Labels[i]).ToArray();
                head.ZeroGradients();
                var logits = head.Forward(x, training: true);
                lossSum += Loss.CrossEntropy(logits, y, out var grad) * idx.Length;
                correct += idx.Where((i, b) => Probabilities.ArgMax(logits[b]) == y[b]).Count();
                head.Backward(grad);
                adam.Step(lr);
                Progress?.Invoke(new TrainingProgress(kind, epoch, Options.Epochs, s + 1, steps));
            }
            var val = Evaluation.From(Predict(head, data.Validation.Features), data.Validation.Labels, data.Validation.ClassNames.Count);
            var metrics = new EpochMetrics(epoch + 1, lr, lossSum / data.Train.Count, correct / (double)data.Train.Count,
                val.Loss, val.Accuracy, epochWatch.Elapsed.TotalSeconds);
            state = state.After(metrics, head, adam);
            if (checkpointPath is not null)
                Checkpoint.Save(checkpointPath, state);
            EpochCompleted?.Invoke(kind, metrics);
        }
        // Training time of every epoch, also those before a resume.
        return state.ToModel(state.History.Sum(h => h.Seconds));
    }

    /// <summary>Inference logits, in bounded chunks (one backend call per chunk).</summary>
    public static double[][] Predict(Head head, double[][] features)
    {
        var logits = new List<double[]>(features.Length);
        for (int start = 0; start < features.Length; start += EvaluationChunk)
            logits.AddRange(head.Forward(features[start..Math.Min(features.Length, start + EvaluationChunk)], training: false));
        return logits.ToArray();
    }

    /// <summary>The sample order of an epoch: a Fisher–Yates shuffle seeded by (seed, epoch) only.</summary>
    public static int[] Shuffle(int count, int seed, int epoch)
    {
        var rng = new Random(unchecked(seed * 7919 + epoch * 104_729 + 1));
        int[] order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}

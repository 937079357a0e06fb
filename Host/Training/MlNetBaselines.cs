using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Qtl.Features;
using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// ML.NET's own multiclass linear trainers as the baselines an ML.NET user would reach for: <see cref="HeadKind.Lbfgs"/>
/// (<c>LbfgsMaximumEntropy</c>, multinomial logistic regression) and <see cref="HeadKind.Sdca"/> (<c>SdcaMaximumEntropy</c>),
/// each after <c>NormalizeMinMax</c> as ML.NET's samples put it before a linear trainer, with ML.NET's default
/// regularisation, <c>MLContext(seed)</c> and one thread (so the same seed gives the same bits). The fitted model is held as
/// the product's Linear(F→C) head with the normaliser folded into its weights (float → double), so checkpoints, reports,
/// predict, export and <c>TransferRun.Open</c> treat it as any other head, and its probabilities are ML.NET's
/// <c>Score</c> up to float rounding.
/// <para>There are no epochs: a fit is one "epoch" (history of one entry, best epoch 1, learning rate 0), its training
/// loss and accuracy those of the fitted model on the training split, its validation numbers those on the validation
/// split (none without one).</para>
/// </summary>
public static class MlNetBaselines
{
    /// <summary>The head kinds trained by ML.NET rather than by the product's <see cref="Trainer"/>.</summary>
    public static readonly IReadOnlyList<HeadKind> Kinds = [HeadKind.Lbfgs, HeadKind.Sdca];

    public static bool IsMlNetBaseline(this HeadKind kind) => Kinds.Contains(kind);

    /// <summary>
    /// The ML.NET pipeline a baseline is: "Features" (float vector) and "Label" (key) in, ML.NET's Score and PredictedLabel
    /// out. <paramref name="l2"/> and <paramref name="capacity"/> (L-BFGS: its history size; SDCA: its maximum number of
    /// iterations) override ML.NET's defaults, for a hyperparameter search.
    /// </summary>
    public static EstimatorChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> Pipeline(MLContext ml, HeadKind kind,
        float? l2 = null, int? capacity = null)
    {
        IEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> trainer = kind switch
        {
            HeadKind.Lbfgs => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(Lbfgs(l2, capacity)),
            HeadKind.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1, L2Regularization = l2, MaximumNumberOfIterations = capacity }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"not an ML.NET baseline; allowed: {string.Join(", ", Kinds.Select(k => k.Text()))}."),
        };
        return ml.Transforms.NormalizeMinMax("Features").Append(trainer);
    }

    /// <summary>L-BFGS's options keep ML.NET's defaults for what is not given (its L2 and history size are not nullable).</summary>
    private static LbfgsMaximumEntropyMulticlassTrainer.Options Lbfgs(float? l2, int? historySize)
    {
        var options = new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 };
        if (l2 is float l) options.L2Regularization = l;
        if (historySize is int h) options.HistorySize = h;
        return options;
    }

    /// <summary>
    /// Fits baseline <paramref name="kind"/> on <paramref name="train"/> with <c>MLContext(options.Seed)</c>; the other
    /// options are recorded with the model (a run's checkpoints all carry the run's options) but do not apply.
    /// </summary>
    public static TrainedModel Fit(HeadKind kind, FeatureSet train, FeatureSet? validation, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        options = options.Validate();
        if (validation is not null && validation.Dimension != train.Dimension)
            throw new ArgumentException($"train features have dimension {train.Dimension}, validation {validation.Dimension}.");
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(options.Seed);
        var fitted = Pipeline(ml, kind).Fit(ToDataView(ml, train));
        var parameters = Folded((NormalizingTransformer)fitted.First(), fitted.LastTransformer.Model, train.Dimension, train.ClassNames.Count);

        var head = Heads.Create(kind, train.Dimension, train.ClassNames.Count, options);
        Parameter.LoadAll(head.Parameters, parameters, "the ML.NET model");
        var onTrain = Evaluation.From(head.Predict(train.Features), train.Labels, train.ClassNames.Count);
        var onValidation = validation is null ? null : Evaluation.From(head.Predict(validation.Features), validation.Labels, validation.ClassNames.Count);
        var metrics = new EpochMetrics(1, 0, onTrain.Loss, onTrain.Accuracy, onValidation?.Loss, onValidation?.Accuracy, clock.Elapsed.TotalSeconds);
        return new TrainedModel(kind, options, train.ClassNames, train.Dimension, parameters, 1, onValidation?.Accuracy ?? -1, [metrics], metrics.Seconds);
    }

    /// <summary>
/// Features as ML.NET's "Features" (float vector of the set's size) and labels as its "Label" key, in the set's class order
/// (class c is key value c + 1: LoadFromEnumerable takes a key column's values 0-based).
/// </summary>
    public static IDataView ToDataView(MLContext ml, FeatureSet set)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, set.Dimension);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), set.ClassNames.Count);
        var rows = set.Features.Select((f, i) => new Row { Features = Array.ConvertAll(f, v => (float)v), Label = (uint)set.Labels[i] });
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    /// <summary>y = W·((x − offset)·scale) + b as W'·x + b': W'[c,j] = W[c,j]·scale[j], b'[c] = b[c] − Σ_j W'[c,j]·offset[j].</summary>
    private static Dictionary<string, double[]> Folded(NormalizingTransformer normalizer, MaximumEntropyModelParameters model, int features, int classes)
    {
        if (normalizer.GetNormalizerModelParameters(0) is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine)
            throw new InvalidOperationException("ML.NET's min-max normaliser did not give an affine model.");
        VBuffer<float>[] weights = null!;
        model.GetWeights(ref weights, out int modelClasses);
        if (modelClasses != classes)
            throw new InvalidOperationException($"ML.NET's model has {modelClasses} classes; the data {classes}.");
        float[] biases = model.GetBiases().ToArray();
        var w = new double[classes * features];
        var b = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            float[] row = weights[c].DenseValues().ToArray();
            b[c] = biases[c];
            for (int j = 0; j < features; j++)
            {
                double scale = affine.Scale.Length == 1 ? affine.Scale[0] : affine.Scale[j];
                w[c * features + j] = row[j] * scale;
                if (!affine.Offset.IsDefaultOrEmpty) b[c] -= w[c * features + j] * (affine.Offset.Length == 1 ? affine.Offset[0] : affine.Offset[j]);
            }
        }
        return new() { ["fc.weight"] = w, ["fc.bias"] = b };
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public uint Label { get; set; }
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.MlNet;

/// <summary>
/// The dressed quantum circuit (Linear(F→n) → tanh·π/2 → circuit → ⟨Z⟩ → Linear(n→C)) as an ML.NET estimator. <see cref="Fit(IDataView)"/>
/// trains through the product's own trainer (<see cref="TransferTrainer"/>: the same features, seed and options give
/// the weights <c>train</c> gives, bit for bit) and returns a <see cref="QuantumHeadTransformer"/>, which adds ML.NET's
/// <c>Score</c> and <c>PredictedLabel</c> columns.
/// <para>The best epoch is chosen by accuracy on the validation data (<see cref="Fit(IDataView, IDataView)"/> or
/// <see cref="Options.ValidationSet"/>), as <c>train</c> chooses it; without validation data the model is the last epoch's.</para>
/// <para>Progress: <see cref="EpochCompleted"/> after every epoch (ML.NET's own channel log is not open to trainers
/// outside ML.NET's assemblies). Bad input is one line, as ML.NET's own trainers say it: a column of the wrong kind is an
/// <see cref="ArgumentOutOfRangeException"/> naming the column, bad values an <see cref="InvalidOperationException"/>.</para>
/// </summary>
public sealed partial class QuantumHeadTrainer : IEstimator<QuantumHeadTransformer>
{
    private readonly Options _options;

    internal QuantumHeadTrainer(Options options)
    {
        _options = options;
        TrainingOptions = options.ToTrainingOptions().Validate();
    }

    /// <summary>The product's options this trainer trains with (what <c>train</c>'s command line would say).</summary>
    public TrainingOptions TrainingOptions { get; }

    /// <summary>After every epoch of training, with its metrics (train loss and accuracy; validation ones when there is validation data).</summary>
    public event Action<EpochMetrics>? EpochCompleted;

    public QuantumHeadTransformer Fit(IDataView input) => Fit(input, _options.ValidationSet);

    /// <summary>Trains on <paramref name="trainData"/>, choosing the epoch by accuracy on <paramref name="validationData"/> (null: the last epoch).</summary>
    public QuantumHeadTransformer Fit(IDataView trainData, IDataView? validationData) =>
        QuantumHeadTransformer.Create(Train(trainData, validationData), _options.FeatureColumnName);

    /// <summary>The training of <see cref="Fit(IDataView, IDataView)"/>, without building the scoring transformer.</summary>
    internal TrainedModel Train(IDataView trainData, IDataView? validationData)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        var (dimension, classNames) = CheckSchema(trainData.Schema, "training data");
        var train = Read(trainData, classNames, "training data");
        if (train.Labels.Distinct().Count() < 2)
            throw new InvalidOperationException($"Label column '{_options.LabelColumnName}' holds only class '{classNames[train.Labels[0]]}' in the training data; the quantum head needs at least 2 classes to tell apart.");
        FeatureSet? validation = null;
        if (validationData is not null)
        {
            var (validationDimension, validationClasses) = CheckSchema(validationData.Schema, "validation data");
            if (validationDimension != dimension || !validationClasses.SequenceEqual(classNames))
                throw new ArgumentOutOfRangeException(nameof(validationData),
                    $"Validation data has {validationDimension} features and classes [{string.Join(", ", validationClasses)}]; the training data {dimension} and [{string.Join(", ", classNames)}].");
            validation = Read(validationData, classNames, "validation data");
        }

        TrainedModel model;
        // The QDK's process runs the qsharp backend only, and only while this fit trains.
        using (var runtime = TrainingOptions.Backend == BackendKind.QSharp ? new QdkRuntime() : null)
        using (IQuantumBackend backend = Backends.Create(TrainingOptions.Backend, runtime))
        {
            var trainer = new TransferTrainer(TrainingOptions, backend);
            trainer.EpochCompleted += (_, metrics) => EpochCompleted?.Invoke(metrics);
            model = trainer.Train(HeadKind.Quantum, train, validation);
        }
        return model;
    }

    /// <summary>The input's columns and Score (a Single vector) and PredictedLabel (a key of the label's type and key values).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var features = Find(inputSchema, _options.FeatureColumnName, "Feature");
        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Schema mismatch for feature column '{_options.FeatureColumnName}': expected known-size vector of Single, got {features}.");
        var label = Find(inputSchema, _options.LabelColumnName, "Label");
        if (!label.IsKey)
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Schema mismatch for label column '{_options.LabelColumnName}': expected a key type (e.g. from MapValueToKey), got {label}.");
        // SchemaShape's columns cannot be made outside ML.NET; a copy of the features and of the label has exactly the
        // shapes of Score and PredictedLabel (a shape has no vector size).
        var ml = new MLContext();
        return ml.Transforms.CopyColumns("Score", _options.FeatureColumnName)
            .Append(ml.Transforms.CopyColumns("PredictedLabel", _options.LabelColumnName))
            .GetOutputSchema(inputSchema);
    }

    private static SchemaShape.Column Find(SchemaShape schema, string name, string role) =>
        schema.Any(c => c.Name == name) ? schema.Last(c => c.Name == name)
            : throw new ArgumentOutOfRangeException(nameof(schema), $"{role} column '{name}' not found.");

    /// <summary>The feature dimension and the class names (the label's key values, in key order); throws on a column of the wrong kind.</summary>
    private (int Dimension, string[] ClassNames) CheckSchema(DataViewSchema schema, string what)
    {
        var features = schema.GetColumnOrNull(_options.FeatureColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{_options.FeatureColumnName}' not found in the {what}.");
        if (features.Type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"Schema mismatch for feature column '{_options.FeatureColumnName}': expected known-size vector of Single, got {features.Type}.");
        var label = schema.GetColumnOrNull(_options.LabelColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Label column '{_options.LabelColumnName}' not found in the {what}.");
        if (label.Type is not KeyDataViewType key || key.RawType != typeof(uint))
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"Schema mismatch for label column '{_options.LabelColumnName}': expected a key type of UInt32 (e.g. from MapValueToKey), got {label.Type}.");
        if (key.Count < 2)
            throw new InvalidOperationException($"Label column '{_options.LabelColumnName}' has {key.Count} class; the quantum head needs at least 2 classes to tell apart.");
        string[] names = KeyNames(label, (int)key.Count);
        if (names.Distinct().Count() != names.Length)
            throw new InvalidOperationException($"Label column '{_options.LabelColumnName}' has repeated key values ({string.Join(", ", names)}); each class needs its own name.");
        return (vector.Size, names);
    }

    /// <summary>The key values as text (MapValueToKey's annotation); keys without one are named by their number, 1 to C.</summary>
    private static string[] KeyNames(DataViewSchema.Column label, int count)
    {
        if (label.Annotations.Schema.GetColumnOrNull(KeyValues) is not { } column)
            return [.. Enumerable.Range(1, count).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        if (column.Type is VectorDataViewType { ItemType: TextDataViewType })
        {
            VBuffer<ReadOnlyMemory<char>> values = default;
            label.Annotations.GetValue(KeyValues, ref values);
            return [.. values.DenseValues().Select(v => v.ToString())];
        }
        throw new ArgumentOutOfRangeException(nameof(label), $"Label column '{label.Name}' has key values of type {column.Type}; expected text (MapValueToKey of a string column).");
    }

    private const string KeyValues = "KeyValues";

    /// <summary>The features and labels in one pass (a featurizer before the trainer runs once per pass).</summary>
    private FeatureSet Read(IDataView data, string[] classNames, string what)
    {
        var (featureColumn, labelColumn) = (data.Schema[_options.FeatureColumnName], data.Schema[_options.LabelColumnName]);
        var x = new List<double[]>();
        var labels = new List<int>();
        using (var cursor = data.GetRowCursor([featureColumn, labelColumn]))
        {
            var features = cursor.GetGetter<VBuffer<float>>(featureColumn);
            var label = cursor.GetGetter<uint>(labelColumn);
            VBuffer<float> row = default;
            uint key = 0;
            for (int i = 0; cursor.MoveNext(); i++)
            {
                features(ref row);
                label(ref key);
                if (key == 0)
                    throw new InvalidOperationException($"Row {i} of the {what} has a missing label in column '{_options.LabelColumnName}' (a value its key mapping did not know).");
                float[] values = row.DenseValues().ToArray();
                int bad = Array.FindIndex(values, v => !float.IsFinite(v));
                if (bad >= 0)
                    throw new InvalidOperationException($"Row {i} of the {what} has a non-finite value ({values[bad]}) in slot {bad} of feature column '{_options.FeatureColumnName}'; the quantum head needs finite features.");
                x.Add(Array.ConvertAll(values, v => (double)v));
                labels.Add((int)key - 1);
            }
        }
        if (x.Count == 0)
            throw new InvalidOperationException($"The {what} has no rows; the quantum head needs samples to train on.");
        return new FeatureSet([.. x], [.. labels], classNames);
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Export;
using Qtl.Training;

namespace Qtl.MlNet;

/// <summary>
/// A trained quantum head in an ML.NET pipeline: it adds <c>Score</c> (Single vector, one slot per class in the label key's
/// order: the head's exact class probabilities) and <c>PredictedLabel</c> (a key with the label's key values, so
/// <c>MapKeyToValue("PredictedLabel")</c> gives the class name and <c>MulticlassClassification.Evaluate</c> works).
/// <para>It scores with the head's ONNX export (<see cref="OnnxExport.Head"/>: the circuit's exact expectation values as a
/// classical simulation) through ML.NET's <c>ApplyOnnxModel</c>, so <c>ml.Model.Save</c> stores the graph's bytes inside
/// model.zip and <c>ml.Model.Load</c> gives back ML.NET's own transformers with the same predictions, needing neither
/// this type nor the QDK. <see cref="Model"/> (weights, history) is there until the pipeline is saved; a loaded pipeline
/// holds the scoring transformers only. The columns <c>features</c>, <c>score</c> and <c>label</c> (the graph's names)
/// are used on the way and dropped.</para>
/// </summary>
public sealed class QuantumHeadTransformer : ITransformer
{
    private const string OnnxInput = "features", OnnxScore = "score", OnnxLabel = "label";
    private readonly ITransformer _scorer;

    private QuantumHeadTransformer(TrainedModel model, string featureColumnName, ITransformer scorer)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        _scorer = scorer;
    }

    /// <summary>The trained head as the product holds it: options, class names, best parameters, best epoch, history.</summary>
    public TrainedModel Model { get; }

    public string FeatureColumnName { get; }

    /// <summary>The classes in the order of Score's slots and PredictedLabel's keys.</summary>
    public IReadOnlyList<string> ClassNames => Model.ClassNames;

    public bool IsRowToRowMapper => true;

    internal static QuantumHeadTransformer Create(TrainedModel model, string featureColumnName)
    {
        var ml = new MLContext(model.Options.Seed);
        byte[] onnx = OnnxExport.Head(model);
        var classes = ml.Data.LoadFromEnumerable(model.ClassNames.Select(c => new FirstClassMapping.Output { Class = c }).ToList());
        var pipeline = ml.Transforms.CopyColumns(OnnxInput, featureColumnName)
            .Append(ml.Transforms.ApplyOnnxModel([OnnxScore, OnnxLabel], [OnnxInput], new MemoryStream(onnx)))
            .Append(ml.Transforms.CopyColumns("Score", OnnxScore))
            .Append(ml.Transforms.CustomMapping<FirstClassMapping.Input, FirstClassMapping.Output>(FirstClassMapping.Map, FirstClassMapping.Contract))
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", FirstClassMapping.OutputColumn, keyData: classes))
            .Append(ml.Transforms.DropColumns(OnnxInput, OnnxScore, OnnxLabel, FirstClassMapping.OutputColumn));
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnName = featureColumnName;
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, model.FeatureDimension);
        var empty = ml.Data.LoadFromEnumerable(new List<FeatureRow>(), schema);
        return new QuantumHeadTransformer(model, featureColumnName, pipeline.Fit(empty));
    }

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        CheckInput(inputSchema);
        return _scorer.GetOutputSchema(inputSchema);
    }

    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInput(input.Schema);
        return _scorer.Transform(input);
    }

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        CheckInput(inputSchema);
        return _scorer.GetRowToRowMapper(inputSchema);
    }

    /// <summary>Saved as the scoring transformers it is built on (ONNX bytes included), which ML.NET loads by itself.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => _scorer.Save(ctx);

    private void CheckInput(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var column = schema.GetColumnOrNull(FeatureColumnName)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{FeatureColumnName}' not found.");
        if (column.Type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single || vector.Size != Model.FeatureDimension)
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"Schema mismatch for feature column '{FeatureColumnName}': expected Vector<Single, {Model.FeatureDimension}> (the features the head was trained on), got {column.Type}.");
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }
}

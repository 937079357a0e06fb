using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Features;

namespace Qtl.Tests.MlNet;

/// <summary>A feature set as an ML.NET user has it: a string "Label" and a float "Features" vector of known size.</summary>
internal static class MlNetRows
{
    public sealed class Row
    {
        public string Label { get; set; } = "";
        public float[] Features { get; set; } = [];
    }

    public static IDataView Load(MLContext ml, FeatureSet set, int? size = null) =>
        Load(ml, set.Features.Select((f, i) => new Row { Label = set.ClassNames[set.Labels[i]], Features = Array.ConvertAll(f, v => (float)v) }), size ?? set.Dimension);

    public static IDataView Load(MLContext ml, IEnumerable<Row> rows, int size)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    /// <summary>The same set with every feature rounded to float, as ML.NET holds it, so both paths see the same numbers.</summary>
    public static FeatureSet AsFloats(FeatureSet set) =>
        new(set.Features.Select(f => f.Select(v => (double)(float)v).ToArray()).ToArray(), set.Labels, set.ClassNames);
}

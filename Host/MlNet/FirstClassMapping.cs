using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Qtl.MlNet;

/// <summary>
/// The class name of the exported head's <c>label</c> output as a scalar text column: ML.NET's ONNX transformer makes every
/// tensor a vector column (the batch dimension becomes one slot), while <c>PredictedLabel</c> must be a scalar key for
/// <c>Evaluate</c> and <c>MapKeyToValue</c>, and no built-in transform takes a vector's one slot to a scalar. The mapping
/// is stateless (the weights travel in the ONNX graph), so ML.NET saves it by its contract name and finds it again on
/// <c>ml.Model.Load</c> in any process that has loaded this assembly.
/// </summary>
[CustomMappingFactoryAttribute(Contract)]
public sealed class FirstClassMapping : CustomMappingFactory<FirstClassMapping.Input, FirstClassMapping.Output>
{
    public const string Contract = "Qtl.MlNet.FirstClass";

    public const string InputColumn = "label";
    public const string OutputColumn = "qtl.predicted-class";

    public override Action<Input, Output> GetMapping() => Map;

    internal static void Map(Input input, Output output) => output.Class = input.Label[0];

    public sealed class Input
    {
        [ColumnName(InputColumn), VectorType(1)]
        public string[] Label { get; set; } = [];
    }

    public sealed class Output
    {
        [ColumnName(OutputColumn)]
        public string Class { get; set; } = "";
    }
}

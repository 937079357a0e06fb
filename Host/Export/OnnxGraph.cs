using Google.Protobuf;
using Onnx;

namespace Qtl.Export;

/// <summary>
/// A small builder over ONNX's protobuf classes: constants as initializers, nodes with generated output names, and
/// the model around them. Names are unique within one builder.
/// </summary>
internal sealed class OnnxGraph
{
    private readonly GraphProto _graph = new();
    private int _next;

    public OnnxGraph(string name) => _graph.Name = name;

    public GraphProto Proto => _graph;

    public string Doubles(double[] values, params long[] shape) => Constant(TensorProto.Types.DataType.Double, shape, t => t.DoubleData.AddRange(values));
    public string Double(double value) => Doubles([value]);
    public string Int64s(long[] values, params long[] shape) => Constant(TensorProto.Types.DataType.Int64, shape, t => t.Int64Data.AddRange(values));
    public string Int64(long value) => Int64s([value]);
    public string Strings(IReadOnlyList<string> values) =>
        Constant(TensorProto.Types.DataType.String, [values.Count], t => t.StringData.AddRange(values.Select(ByteString.CopyFromUtf8)));

    /// <summary>Adds a node of <paramref name="op"/> and returns the name of its one output.</summary>
    public string Node(string op, string[] inputs, params (string Name, object Value)[] attributes)
    {
        string output = $"{op.ToLowerInvariant()}_{_next++}";
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        foreach (var (name, value) in attributes)
            node.Attribute.Add(value switch
            {
                long i => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = i },
                int i => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = i },
                _ => throw new ArgumentException($"attribute {name}: unsupported value {value}."),
            });
        _graph.Node.Add(node);
        return output;
    }

    /// <summary>Renames the value <paramref name="from"/> to the graph output <paramref name="name"/> (an Identity node).</summary>
    public void Output(string from, string name, TensorProto.Types.DataType type, params string[] dimensions)
    {
        var node = new NodeProto { OpType = "Identity", Name = name };
        node.Input.Add(from);
        node.Output.Add(name);
        _graph.Node.Add(node);
        _graph.Output.Add(Value(name, type, dimensions));
    }

    public void Input(string name, TensorProto.Types.DataType type, params string[] dimensions) => _graph.Input.Add(Value(name, type, dimensions));

    public static ValueInfoProto Value(string name, TensorProto.Types.DataType type, params string[] dimensions)
    {
        var shape = new TensorShapeProto();
        foreach (string d in dimensions)
            shape.Dim.Add(long.TryParse(d, out long n) ? new TensorShapeProto.Types.Dimension { DimValue = n } : new TensorShapeProto.Types.Dimension { DimParam = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    /// <summary>The model: this graph at <paramref name="opset"/> of the default domain, and any other domains' imports.</summary>
    public byte[] Model(int opset, string docString, IEnumerable<OperatorSetIdProto>? otherDomains = null)
    {
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "qtl-qsharp",
            DocString = docString,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        model.OpsetImport.AddRange(otherDomains ?? []);
        return model.ToByteArray();
    }

    private string Constant(TensorProto.Types.DataType type, long[] shape, Action<TensorProto> fill)
    {
        var tensor = new TensorProto { Name = $"const_{_next++}", DataType = (int)type };
        tensor.Dims.AddRange(shape);
        fill(tensor);
        _graph.Initializer.Add(tensor);
        return tensor.Name;
    }
}

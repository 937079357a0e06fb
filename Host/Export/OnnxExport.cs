using Onnx;
using Qtl.Backbones;
using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Training;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Qtl.Export;

/// <summary>
/// A trained head as one ONNX graph of standard operators that computes its exact class probabilities: an exact
/// classical simulation of the trained circuit, for deployment wherever ONNX Runtime runs (not a quantum execution:
/// that is QIR). The circuit needs no custom operator: H then RY(x) on |0⟩ leaves each qubit in
/// (cos(x/2 + π/4), sin(x/2 + π/4)), so the encoded state is a Kronecker product of per-qubit pairs; the trained
/// variational blocks are a fixed real 2^n × 2^n matrix, taken from the native engine's own gates; ⟨Z_i⟩ are the
/// squared amplitudes times a fixed ±1 matrix. Inside, everything is float64.
/// </summary>
public static class OnnxExport
{
    /// <summary>The largest circuit exported: its matrix has 4^n float64 entries (10 qubits: 8 MiB; 12: 128 MiB in the file).</summary>
    public const int MaxQubits = 12;

    /// <summary>Opset of the head alone (with a backbone, the backbone's); every operator of the head keeps its meaning from opset 7 on.</summary>
    public const int Opset = 13;

    /// <summary>Graph input: float32 [N, F] features.</summary>
    public const string FeaturesInput = "features";
    /// <summary>Graph outputs: float64 [N, C] probabilities, the same as float32 (ML.NET's Score), and the class name of the argmax (string [N]).</summary>
    public const string ProbabilitiesOutput = "probabilities", ScoreOutput = "score", LabelOutput = "label";

    /// <summary>The head alone: <see cref="FeaturesInput"/> → <see cref="ProbabilitiesOutput"/>, <see cref="ScoreOutput"/>, <see cref="LabelOutput"/>.</summary>
    public static byte[] Head(TrainedModel model)
    {
        var graph = new OnnxGraph($"qtl {model.Kind.Text()} head");
        graph.Input(FeaturesInput, DataType.Float, "N", model.FeatureDimension.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string features = graph.Node("Cast", [FeaturesInput], ("to", (long)DataType.Double));
        string description = AddHead(graph, model, features);
        return graph.Model(Opset, Describe(model, description));
    }

    /// <summary>Graph input of <see cref="WithBackbone"/>: the backbone's image tensor.</summary>
    public const string ImageInput = "image";

    /// <summary>
    /// Backbone and head in one graph: <see cref="ImageInput"/> (the tensor the backbone's first model takes; for the
    /// ImageNet ResNet18 of ML.NET's package, planar RGB 0–255 float [1, 3, 224, 224] of an image whose shorter side was
    /// resized to 224 (bilinear) and centre-cropped, grey images replicated to RGB) → the same outputs as <see cref="Head"/>.
    /// The graph keeps the backbone's opset, which every operator of the head supports from opset 7 on.
    /// </summary>
    public static byte[] WithBackbone(TrainedModel model, DataOptions data)
    {
        using var backbone = Backbone.Open(data.BackbonePath, data.FeatureOutput, data.Preprocessing);
        bool package = data.BackbonePath is null || data.BackbonePath == ResNet18Package.Name;
        string[] paths = package ? [ResNet18Package.PreprocessPath, backbone.Model.Path] : [backbone.Model.Path];
        var models = paths.Select(p => ModelProto.Parser.ParseFrom(File.ReadAllBytes(p))).ToList();
        int opset = models.SelectMany(m => m.OpsetImport).Where(o => o.Domain is "" or "ai.onnx").Max(o => (int)o.Version);
        if (opset < 7) throw new UserError($"the backbone uses ONNX opset {opset}; the export needs opset 7 or later.");

        var graph = new OnnxGraph($"qtl {model.Kind.Text()} head on {backbone.Name}");
        var input = GraphSplice.DataInput(models[0]).Clone();
        input.Name = ImageInput;
        graph.Proto.Input.Add(input);
        string x = ImageInput;
        for (int i = 0; i < models.Count; i++)
        {
            bool last = i == models.Count - 1;
            x = GraphSplice.Append(graph.Proto, models[i], last ? "backbone" : "preprocessing", x, last ? backbone.Output : models[i].Graph.Output[0].Name);
        }
        string features = graph.Node("Cast", [graph.Node("Reshape", [x, graph.Int64s([-1, model.FeatureDimension], 2)])], ("to", (long)DataType.Double));
        string description = AddHead(graph, model, features);
        var otherDomains = models.SelectMany(m => m.OpsetImport).Where(o => o.Domain is not ("" or "ai.onnx"))
            .GroupBy(o => o.Domain).Select(g => new OperatorSetIdProto { Domain = g.Key, Version = g.Max(o => o.Version) });
        return graph.Model(opset, $"{backbone.Name} ({backbone.Output}) then {Describe(model, description)} " +
            $"Input '{ImageInput}': the backbone's own input tensor{(package ? ", planar RGB 0-255 [1, 3, 224, 224] (shorter side resized to 224, bilinear, centre crop; grey images as RGB)" : "")}.", otherDomains);
    }

    /// <summary>
    /// Adds the head's layers, softmax and the three outputs, reading float64 features [N, F] from
    /// <paramref name="features"/>; returns the head's description.
    /// </summary>
    internal static string AddHead(OnnxGraph graph, TrainedModel model, string features)
    {
        using var native = new NativeBackend();
        Head head = model.Build(native);
        string x = features;
        foreach (ILayer layer in head.Layers)
            x = layer switch
            {
                Linear linear => graph.Node("Gemm", [x, graph.Doubles(linear.Weight.Value, linear.Outputs, linear.Inputs), graph.Doubles(linear.Bias.Value, linear.Outputs)], ("transB", 1L)),
                Tanh tanh => tanh.Scale == 1.0 ? graph.Node("Tanh", [x]) : graph.Node("Mul", [graph.Node("Tanh", [x]), graph.Double(tanh.Scale)]),
                QuantumLayer circuit => AddCircuit(graph, circuit, native, x),
                _ => throw new UserError($"the layer {layer.Describe()} has no ONNX export; exportable: Linear, tanh and the dressed circuit."),
            };
        string probabilities = graph.Node("Softmax", [x], ("axis", 1L));
        string label = graph.Node("Gather", [graph.Strings(model.ClassNames), graph.Node("ArgMax", [probabilities], ("axis", 1L), ("keepdims", 0L))], ("axis", 0L));
        string classes = model.ClassNames.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        graph.Output(probabilities, ProbabilitiesOutput, DataType.Double, "N", classes);
        graph.Output(graph.Node("Cast", [probabilities], ("to", (long)DataType.Float)), ScoreOutput, DataType.Float, "N", classes);
        graph.Output(label, LabelOutput, DataType.String, "N");
        return head.Describe();
    }

    /// <summary>⟨Z_i⟩ of the trained circuit for angles [N, n]: Kronecker product of the embedded qubits, the variational matrix, the ±1 readout.</summary>
    private static string AddCircuit(OnnxGraph graph, QuantumLayer circuit, NativeBackend native, string angles)
    {
        CircuitShape shape = circuit.Shape;
        Require(circuit);
        int n = shape.Qubits, size = shape.StateCount;
        string half = graph.Node("Add", [graph.Node("Mul", [angles, graph.Double(0.5)]), graph.Double(Math.PI / 4)]);
        string Column(string op) => graph.Node("Reshape", [graph.Node(op, [half]), graph.Int64s([-1, n, 1], 3)]);
        string pairs = graph.Node("Concat", [Column("Cos"), Column("Sin")], ("axis", 2L));
        string Qubit(int q) => graph.Node("Gather", [pairs, graph.Int64(q)], ("axis", 1L));
        string state = Qubit(0);
        for (int q = 1, width = 2; q < n; q++, width *= 2)
        {
            string outer = graph.Node("Mul", [graph.Node("Reshape", [state, graph.Int64s([-1, width, 1], 3)]),
                graph.Node("Reshape", [Qubit(q), graph.Int64s([-1, 1, 2], 3)])]);
            state = graph.Node("Reshape", [outer, graph.Int64s([-1, 2 * width], 2)]);
        }
        // VariationalColumns lists U's columns one after another: as a row-major matrix that is Uᵀ, so ψ·Uᵀ = (Uψ)ᵀ.
        string psi = graph.Node("MatMul", [state, graph.Doubles(native.VariationalColumns(shape, circuit.Weights.Value), size, size)]);
        var z = new double[size * n];
        for (int k = 0; k < size; k++)
            for (int i = 0; i < n; i++)
                z[k * n + i] = ((k >> (n - 1 - i)) & 1) == 0 ? 1 : -1;
        return graph.Node("MatMul", [graph.Node("Mul", [psi, psi]), graph.Doubles(z, size, n)]);
    }

    private static void Require(QuantumLayer circuit)
    {
        var shape = circuit.Shape;
        if (shape.Encoding != InputEncoding.Angle || shape.Readout != CircuitReadout.PauliZ)
            throw new UserError($"the circuit ({shape}) has no ONNX export; exportable: angle encoding with the ⟨Z⟩ readout (the dressed circuit).");
        if (shape.Qubits > MaxQubits)
            throw new UserError($"the circuit has {shape.Qubits} qubits; the ONNX export holds a 2^n × 2^n matrix and allows 1 to {MaxQubits} qubits.");
    }

    private static string Describe(TrainedModel model, string head) =>
        $"qtl-qsharp {model.Kind.Text()} head: {head}; " +
        $"classes {string.Join(", ", model.ClassNames)}. Exact probabilities (a classical simulation of the trained circuit, shots and noise aside), " +
        $"input '{FeaturesInput}' float32 [N, {model.FeatureDimension}] backbone features; outputs '{ProbabilitiesOutput}' float64, '{ScoreOutput}' float32, '{LabelOutput}' string.";
}

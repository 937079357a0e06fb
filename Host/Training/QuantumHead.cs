using Qtl.Model;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Training;

/// <summary>
/// A trained quantum head split around its circuit: the classical pre-net (Linear → tanh·π/2) that
/// turns features into RY angles, the trained circuit weights, and the post-net that turns ⟨Z_i⟩
/// into logits. The pre-net runs once; the circuit can then be evaluated on any backend, with or
/// without noise and shots, which is what the hardware studies vary. The one place a trained head is split at its
/// circuit: the run report, the hardware verbs and the library API (<see cref="TrainedHead"/>) all go through it.
/// </summary>
public sealed class QuantumHead
{
    private readonly IReadOnlyList<ILayer> _pre, _post;

    private QuantumHead(TrainedModel model, IReadOnlyList<ILayer> pre, QuantumLayer circuit, IReadOnlyList<ILayer> post)
    {
        Model = model;
        _pre = pre;
        _post = post;
        Shape = circuit.Shape;
        Weights = (double[])circuit.Weights.Value.Clone();
    }

    public TrainedModel Model { get; }
    public CircuitShape Shape { get; }

    /// <summary>The trained circuit weights, block by block, qubit by qubit.</summary>
    public double[] Weights { get; }

    public static QuantumHead From(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Kind != HeadKind.Quantum)
            throw new ArgumentException($"the model is a '{model.Kind.Text()}' head; this needs the quantum head (quantum.checkpoint.json of a run).");
        // The native backend builds any trained head (adjoint-trained ones too); it is never called here.
        var head = model.Build(new NativeBackend());
        int index = head.Layers.ToList().FindIndex(l => l is QuantumLayer);
        if (index < 0) throw new InvalidDataException("the quantum head has no circuit layer.");
        return new QuantumHead(model, head.Layers.Take(index).ToList(), (QuantumLayer)head.Layers[index], head.Layers.Skip(index + 1).ToList());
    }

    /// <summary>The circuit's input angles (n per sample) for feature vectors of the trained dimension.</summary>
    public double[][] CircuitInputs(double[][] features)
    {
        if (features.Length > 0 && features[0].Length != Model.FeatureDimension)
            throw new UserError($"the features have dimension {features[0].Length}, but the model was trained on dimension {Model.FeatureDimension}; use the data and backbone it was trained with.");
        var x = features;
        foreach (var layer in _pre) x = layer.Forward(x, training: false);
        return x;
    }

    /// <summary>Logits from a backend's ⟨Z_i⟩ (flat, n per circuit).</summary>
    public double[][] Logits(double[] expectations)
    {
        int n = Shape.Qubits;
        var x = Enumerable.Range(0, expectations.Length / n).Select(b => expectations.AsSpan(b * n, n).ToArray()).ToArray();
        foreach (var layer in _post) x = layer.Forward(x, training: false);
        return x;
    }

    /// <summary>One circuit per sample, all with the trained weights.</summary>
    public CircuitBatch Batch(IReadOnlyList<double[]> inputs) => CircuitBatch.SharedWeights(Shape, inputs, Weights);

    /// <summary>
    /// Noiseless exact accuracy on the native engine. Equal to the training's validation accuracy when the
    /// features are the ones it was trained on; a difference means the data or the backbone changed.
    /// </summary>
    public double ExactAccuracy(double[][] features, IReadOnlyList<int> labels)
    {
        using var native = new NativeBackend();
        return Accuracy(Logits(native.Evaluate(Batch(CircuitInputs(features))).Expectations), labels);
    }

    /// <summary>Classification accuracy from a backend's result for circuits in sample order, possibly repeated.</summary>
    public static double Accuracy(double[][] logits, IReadOnlyList<int> labels)
    {
        int correct = 0;
        for (int i = 0; i < labels.Count; i++)
            if (Probabilities.ArgMax(logits[i]) == labels[i]) correct++;
        return correct / (double)labels.Count;
    }
}

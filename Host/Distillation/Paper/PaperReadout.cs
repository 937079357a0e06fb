using Qtl.Model;

namespace Qtl.Distillation.Paper;

/// <summary>The published students' fixed head (<see cref="PaperHead"/>) on the circuit's probabilities, as a layer.</summary>
public sealed class PaperReadout(PaperHead head) : ILayer
{
    private double[][]? _outputs;

    public PaperHead Head { get; } = head;
    public IReadOnlyList<Parameter> Parameters => [];
    public string Describe() => Head == PaperHead.Softmax ? "softmax(p)" : "[sigmoid(p), 1 − sigmoid(p)]";

    public double[][] Forward(double[][] input, bool training)
    {
        double[][] outputs = [.. input.Select(p => PaperHeads.Forward(Head, p))];
        if (training) _outputs = outputs;
        return outputs;
    }

    public double[][] Backward(double[][] outputGradient)
    {
        var outputs = _outputs ?? throw new InvalidOperationException("Backward called before a training Forward.");
        return [.. outputGradient.Select((g, b) => PaperHeads.Backward(Head, outputs[b], g))];
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Export;
using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Training;

namespace Qtl.Tests.Export;

/// <summary>The exported head in ML.NET's own ONNX transform (<c>ApplyOnnxModel</c>), as an ML.NET pipeline would run it.</summary>
public class OnnxMlNetTests
{
    private const int Dimension = 6;

    private sealed class Row
    {
        [VectorType(Dimension)]
        [ColumnName(OnnxExport.FeaturesInput)]
        public float[] Features { get; set; } = [];
    }

    [Test]
    public void ApplyOnnxModelGivesTheNativeProbabilitiesScoreAndLabelPerRow()
    {
        var rng = new Random(5);
        string[] classes = ["cat", "dog"];
        FeatureSet Split(int count) => new(
            Enumerable.Range(0, count).Select(i => Enumerable.Range(0, Dimension).Select(f => (double)(float)((f % 2 == i % 2 ? 1.0 : 0.0) + rng.NextDouble() - 0.5)).ToArray()).ToArray(),
            Enumerable.Range(0, count).Select(i => i % 2).ToArray(), classes);
        var data = new TransferData(Split(24), Split(16), "synthetic");
        var options = new TrainingOptions { Qubits = 3, Depth = 2, Epochs = 2, LearningRate = 0.02, QDelta = 0.5, Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint };
        using var native = new NativeBackend();
        var model = new TransferTrainer(options, native).Train(HeadKind.Quantum, data);
        var expected = model.Logits(data.Validation.Features, native).Select(l => Probabilities.Softmax(l)).ToArray();

        string file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"mlnet-head-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(file, OnnxExport.Head(model));
        try
        {
            var ml = new MLContext(seed: 0);
            var rows = ml.Data.LoadFromEnumerable(data.Validation.Features.Select(f => new Row { Features = f.Select(v => (float)v).ToArray() }));
            var outputs = new[] { OnnxExport.ProbabilitiesOutput, OnnxExport.ScoreOutput, OnnxExport.LabelOutput };
            var scored = ml.Transforms.ApplyOnnxModel(outputs, [OnnxExport.FeaturesInput], file).Fit(rows).Transform(rows);

            var probabilities = scored.GetColumn<double[]>(OnnxExport.ProbabilitiesOutput).ToArray();
            var score = scored.GetColumn<float[]>(OnnxExport.ScoreOutput).ToArray();
            var labels = scored.GetColumn<string[]>(OnnxExport.LabelOutput).ToArray();
            Assert.That(probabilities, Has.Length.EqualTo(expected.Length));
            for (int b = 0; b < expected.Length; b++)
            {
                Assert.That(probabilities[b], Is.EqualTo(expected[b]).Within(1e-9), $"row {b}");
                Assert.That(score[b], Is.EqualTo(expected[b].Select(p => (float)p).ToArray()).Within(1e-6), $"row {b}, score");
                Assert.That(labels[b], Is.EqualTo(new[] { classes[Probabilities.ArgMax(expected[b])] }), $"row {b}, label");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}

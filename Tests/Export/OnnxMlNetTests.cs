using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Export;
using Qtl.Model;

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
        string[] classes = ["cat", "dog"];
        var data = ExportFixtures.Data(Dimension, classes, train: 24, validation: 16, seed: 5);
        var model = ExportFixtures.Train(HeadKind.Quantum, ExportFixtures.Options(3, 2, epochs: 2), data);
        var expected = ExportFixtures.NativeProbabilities(model, data.Validation.Features);

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

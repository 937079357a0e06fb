using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Qtl.Export;
using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Training;

namespace Qtl.Tests.Export;

/// <summary>The exported graph, run by ONNX Runtime, gives the native engine's exact probabilities of every head kind.</summary>
public class OnnxExportTests
{
    private static readonly string[] Classes = ["ant", "bee", "wasp"];

    /// <summary>Three loosely separated classes in <paramref name="dimension"/> features, float-representable (what a backbone gives).</summary>
    private static TransferData Data(int dimension, int seed)
    {
        var rng = new Random(seed);
        FeatureSet Split(int count) => new(
            Enumerable.Range(0, count).Select(i => Enumerable.Range(0, dimension).Select(f => (double)(float)((f % 3 == i % 3 ? 1.0 : 0.0) + rng.NextDouble() - 0.5)).ToArray()).ToArray(),
            Enumerable.Range(0, count).Select(i => i % 3).ToArray(), Classes);
        return new TransferData(Split(60), Split(45), "synthetic");
    }

    private static TrainedModel Train(HeadKind kind, TrainingOptions options, TransferData data)
    {
        using var native = new NativeBackend();
        return new TransferTrainer(options, kind == HeadKind.Quantum ? native : null).Train(kind, data);
    }

    private static (double[][] Probabilities, float[][] Score, string[] Labels) Run(byte[] onnx, double[][] features)
    {
        using var session = new InferenceSession(onnx);
        int dimension = features[0].Length;
        var input = new DenseTensor<float>(features.SelectMany(r => r.Select(v => (float)v)).ToArray(), [features.Length, dimension]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExport.FeaturesInput, input)]);
        T[][] Rows<T>(string name)
        {
            var t = outputs.Single(o => o.Name == name).AsTensor<T>();
            return Enumerable.Range(0, features.Length).Select(b => Enumerable.Range(0, (int)t.Dimensions[1]).Select(c => t[b, c]).ToArray()).ToArray();
        }
        var labels = outputs.Single(o => o.Name == OnnxExport.LabelOutput).AsTensor<string>().ToArray();
        return (Rows<double>(OnnxExport.ProbabilitiesOutput), Rows<float>(OnnxExport.ScoreOutput), labels);
    }

    [TestCase(HeadKind.Quantum, 4, 6, false)]
    [TestCase(HeadKind.Quantum, 1, 2, false)]
    [TestCase(HeadKind.Quantum, 3, 0, false)]
    [TestCase(HeadKind.Quantum, 5, 3, true)]
    [TestCase(HeadKind.Quantum, OnnxExport.MaxQubits, 1, false)]
    [TestCase(HeadKind.Classical, 4, 6, false)]
    [TestCase(HeadKind.Linear, 4, 6, false)]
    public void TheGraphGivesTheNativeProbabilitiesOnTheValidationSet(HeadKind kind, int qubits, int depth, bool separable)
    {
        var data = Data(12, seed: qubits * 10 + depth);
        var options = new TrainingOptions
        {
            Qubits = qubits, Depth = depth, Separable = separable, Epochs = 3, LearningRate = 0.02, QDelta = 0.5,
            Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint,
        };
        var model = Train(kind, options, data);
        using var native = new NativeBackend();
        var expected = model.Logits(data.Validation.Features, native).Select(l => Probabilities.Softmax(l)).ToArray();

        var (probabilities, score, labels) = Run(OnnxExport.Head(model), data.Validation.Features);

        for (int b = 0; b < expected.Length; b++)
        {
            Assert.That(probabilities[b], Is.EqualTo(expected[b]).Within(1e-9), $"sample {b}");
            Assert.That(score[b], Is.EqualTo(expected[b].Select(p => (float)p).ToArray()).Within(1e-6), $"sample {b}, float score");
            Assert.That(labels[b], Is.EqualTo(Classes[Probabilities.ArgMax(expected[b])]), $"sample {b}, label");
        }
        Assert.That(expected.Select(p => Probabilities.ArgMax(p)).Distinct().Count(), Is.GreaterThan(1), "a head that predicts one class would test little");
    }

    [Test]
    public void TooManyQubitsAreRefusedWithTheAllowedRange()
    {
        var model = Train(HeadKind.Quantum, new TrainingOptions { Qubits = OnnxExport.MaxQubits + 1, Depth = 1, Epochs = 1, Backend = BackendKind.Native,
            GradientMethod = GradientMethod.Adjoint }, Data(12, seed: 1));
        var e = Assert.Throws<UserError>(() => OnnxExport.Head(model));
        Assert.That(e!.Message, Does.Contain($"{OnnxExport.MaxQubits + 1} qubits").And.Contain($"1 to {OnnxExport.MaxQubits} qubits"));
    }
}

using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Qtl.Export;
using Qtl.Features;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Training;

namespace Qtl.Tests.Export;

/// <summary>What the export tests share: a small trained head on float-representable features, its native probabilities, and the exported graph run on features.</summary>
internal static class ExportFixtures
{
    /// <summary>
    /// Loosely separated classes (feature f leans to class f mod C), rounded to float as a backbone's features are, so
    /// the graph's float32 input loses nothing.
    /// </summary>
    public static TransferData Data(int dimension, IReadOnlyList<string> classes, int train, int validation, int seed)
    {
        var rng = new Random(seed);
        FeatureSet Split(int count) => new(
            Enumerable.Range(0, count).Select(i => Enumerable.Range(0, dimension)
                .Select(f => (double)(float)((f % classes.Count == i % classes.Count ? 1.0 : 0.0) + rng.NextDouble() - 0.5)).ToArray()).ToArray(),
            Enumerable.Range(0, count).Select(i => i % classes.Count).ToArray(), classes);
        return new TransferData(Split(train), Split(validation), "synthetic");
    }

    /// <summary>A few epochs on the native engine with adjoint gradients: weights far enough from their start to matter.</summary>
    public static TrainingOptions Options(int qubits, int depth, int epochs = 3, double lr = 0.02) => new()
    {
        Qubits = qubits, Depth = depth, Epochs = epochs, LearningRate = lr, QDelta = 0.5,
        Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint,
    };

    public static TrainedModel Train(HeadKind kind, TrainingOptions options, TransferData data)
    {
        using var native = new NativeBackend();
        return new TransferTrainer(options, kind == HeadKind.Quantum ? native : null).Train(kind, data);
    }

    /// <summary>The product's own probabilities: softmax of the head's logits on the native engine.</summary>
    public static double[][] NativeProbabilities(TrainedModel model, double[][] features)
    {
        using var native = new NativeBackend();
        return [.. model.Logits(features, native).Select(l => Probabilities.Softmax(l))];
    }

    /// <summary>The exported head's three outputs for <paramref name="features"/>, fed as float32 [N, F].</summary>
    public static (double[][] Probabilities, float[][] Score, string[] Labels) Run(InferenceSession session, double[][] features)
    {
        var input = new DenseTensor<float>(features.SelectMany(r => r.Select(v => (float)v)).ToArray(), [features.Length, features[0].Length]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExport.FeaturesInput, input)]);
        T[][] Rows<T>(string name)
        {
            var t = outputs.Single(o => o.Name == name).AsTensor<T>();
            return [.. Enumerable.Range(0, features.Length).Select(b => Enumerable.Range(0, (int)t.Dimensions[1]).Select(c => t[b, c]).ToArray())];
        }
        var labels = outputs.Single(o => o.Name == OnnxExport.LabelOutput).AsTensor<string>().ToArray();
        return (Rows<double>(OnnxExport.ProbabilitiesOutput), Rows<float>(OnnxExport.ScoreOutput), labels);
    }
}

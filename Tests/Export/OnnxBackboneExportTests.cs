using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Qtl.Backbones;
using Qtl.Export;
using Qtl.Features;
using Qtl.Model;

namespace Qtl.Tests.Export;

/// <summary>Backbone and head in one graph: from an image tensor to the probabilities the product computes from that image.</summary>
public class OnnxBackboneExportTests
{
    [Test]
    public void TheResNet18AndHeadGraphGivesTheProductsProbabilitiesForAnImage()
    {
        var rng = new Random(3);
        var model = ExportFixtures.Train(HeadKind.Quantum, ExportFixtures.Options(3, 2, epochs: 2, lr: 0.01),
            ExportFixtures.Data(ResNet18Package.Features, ["plain", "busy"], train: 20, validation: 10, seed: 3));

        var images = Enumerable.Range(0, 2).Select(i => new RasterImage(300, 260, 3,
            Enumerable.Range(0, 300 * 260 * 3).Select(k => (byte)(i == 0 ? (k / 3) % 251 : rng.Next(256))).ToArray())).ToArray();
        using var backbone = Backbone.Open();
        var features = backbone.Extract(images.Length, i => images[i]);
        var expected = ExportFixtures.NativeProbabilities(model, [.. features.Select(f => f.Select(v => (double)v).ToArray())]);

        using var session = new InferenceSession(OnnxExport.WithBackbone(model, new DataOptions()));
        for (int i = 0; i < images.Length; i++)
        {
            var ready = images[i].ResizeShorterAndCrop(224, 224);
            const int plane = 224 * 224;
            var tensor = new DenseTensor<float>([1, 3, 224, 224]);
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < plane; p++) tensor.Buffer.Span[c * plane + p] = ready.Pixels[3 * p + c];
            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExport.ImageInput, tensor)]);
            var probabilities = outputs.Single(o => o.Name == OnnxExport.ProbabilitiesOutput).AsTensor<double>().ToArray();
            // The spliced graph runs the same float32 operations as the product's path (its C# preprocessing reproduces the
            // preprocessing model's bits, then the same ResNet18 graph), so the features agree exactly (measured: probabilities
            // 1e-16 apart) and the 1e-9 holds. Were ONNX Runtime to fuse across the splice, float32 rounding would show here.
            Assert.That(probabilities, Is.EqualTo(expected[i]).Within(1e-9), $"image {i}");
            Assert.That(outputs.Single(o => o.Name == OnnxExport.LabelOutput).AsTensor<string>().Single(),
                Is.EqualTo(model.ClassNames[Probabilities.ArgMax(expected[i])]), $"image {i}");
        }
    }
}

using Qtl.Backbones;
using Qtl.Data;

namespace Qtl.Tests.Backbones;

/// <summary>The package's ImageNet ResNet18: our one-session path against the package's own models and ML.NET's pipeline.</summary>
public class ResNet18Tests
{
    private static RasterImage[] SomeImages()
    {
        FashionMnistSplit split = FashionMnist.Load(FashionMnist.Locate(FashionMnist.SubsetDirectory), train: false);
        var rng = new Random(5);
        var noise = new byte[50 * 70 * 3];
        rng.NextBytes(noise);
        return [
            new RasterImage(28, 28, 1, split.Images.Image(0).ToArray()),
            new RasterImage(28, 28, 1, split.Images.Image(7).ToArray()),
            new RasterImage(70, 50, 3, noise),
        ];
    }

    [Test]
    public void PreprocessingInCSharpEqualsThePackagesPreprocessingModel()
    {
        var rng = new Random(11);
        var pixels = new byte[224 * 224 * 3];
        rng.NextBytes(pixels);
        var image = new RasterImage(224, 224, 3, pixels);
        float[] planar = MlNetResNet18.PlanarRgb(image);

        float[] reference = ResNet18Preprocessing.RunPackageModel(planar);
        var ours = new float[ResNet18Preprocessing.Instance.Size];
        ResNet18Preprocessing.Instance.Fill(image, ours);

        Assert.That(ours, Is.EqualTo(reference), "bit-identical to ResNetPreprocess.onnx");
        Assert.That(reference.Take(10), Is.Not.EqualTo(planar.Take(10)), "the model does change the input");
    }

    [Test]
    public void FeaturesEqualMlNetsDnnFeaturizeImageBitForBit()
    {
        RasterImage[] images = SomeImages();
        using Backbone backbone = Backbone.Open();

        float[][] ours = backbone.Extract(images.Length, i => images[i]);
        float[][] mlnet = new MlNetResNet18().Featurize(images.Select(MlNetResNet18.PlanarRgb));

        Assert.That(ours, Has.Length.EqualTo(3));
        Assert.That(ours[0], Has.Length.EqualTo(ResNet18Package.Features));
        for (int i = 0; i < images.Length; i++)
            Assert.That(ours[i], Is.EqualTo(mlnet[i]), $"image {i}");
        Assert.That(ours[0], Is.Not.EqualTo(ours[1]));
    }

    [Test]
    public void DefaultBackboneIsThePackagesResNet18WithItsOwnPreprocessing()
    {
        using Backbone backbone = Backbone.Open();

        Assert.That(backbone.Output, Is.EqualTo(ResNet18Package.Output));
        Assert.That(backbone.Preprocessing, Is.SameAs(ResNet18Preprocessing.Instance));
        Assert.That(backbone.BatchSize, Is.EqualTo(1), "the CNTK export has a fixed batch of 1");
        Assert.That(backbone.Name, Does.Contain("resnet18"));
        // Pooled post-ReLU activations: non-negative, and not all zero.
        float[] f = backbone.Extract(1, _ => SomeImages()[0])[0];
        Assert.That(f.Min(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(f.Max(), Is.GreaterThan(0f));
    }
}

using Qtl.Backbones;
using Qtl.Tests.Data;

namespace Qtl.Tests.Backbones;

public class BackboneTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-backbone");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A copy of a committed model in the temp folder, without its .json metadata.</summary>
    private string Bare(string name)
    {
        string path = Path.Combine(_dir, name);
        File.Copy(TestImages.Model(name), path);
        return path;
    }

    [Test]
    public void PreprocessingComesFromTheMetadataThenTheInputShapeAndANoticeSaysSo()
    {
        var notices = new List<string>();
        using (Backbone declared = Backbone.Open(TestImages.Model("tiny-resnet.onnx"), notice: notices.Add))
            Assert.That(declared.Preprocessing, Is.TypeOf<TorchvisionPreprocessing>());
        Assert.That(notices, Is.Empty, "the .json beside the model declares it");

        using (Backbone rgb = Backbone.Open(Bare("tiny-resnet.onnx"), notice: notices.Add))
            Assert.That(rgb.Preprocessing, Is.TypeOf<TorchvisionPreprocessing>());
        using (Backbone grey = Backbone.Open(Bare("teacher-lenet-0-5.onnx"), notice: notices.Add))
        {
            Assert.That(grey.Preprocessing, Is.TypeOf<GreyPreprocessing>());
            Assert.That(grey.Preprocessing.Id, Is.EqualTo(GreyPreprocessing.FashionMnist().Id));
        }
        Assert.That(notices, Has.Count.EqualTo(2));
        Assert.That(notices[0], Does.Contain("torchvision"));
        Assert.That(notices[1], Does.Contain("grey"));
    }

    [Test]
    public void ExplicitPreprocessingOverridesAndAnUnknownOneListsTheAllowed()
    {
        using (Backbone b = Backbone.Open(TestImages.Model("tiny-resnet.onnx"), preprocessing: "resnet18"))
            Assert.That(b.Preprocessing, Is.TypeOf<ResNet18Preprocessing>());
        var e = Assert.Throws<UserError>(() => Backbone.Open(TestImages.Model("tiny-resnet.onnx"), preprocessing: "imagenet"));
        Assert.That(e!.Message, Does.Contain("unknown preprocessing 'imagenet'").And.Contain("resnet18, torchvision, grey"));
    }

    [Test]
    public void BackboneWhoseInputDoesNotFitThePreprocessingNamesTheFileAndTheShape()
    {
        string model = TestImages.Model("teacher-lenet-0-5.onnx");
        var e = Assert.Throws<InvalidDataException>(() => Backbone.Open(model, preprocessing: "torchvision"));
        Assert.That(e!.Message, Does.Contain(model).And.Contain("[N, 1, 28, 28]").And.Contain("(1 channels), but images prepared by 'torchvision"));
    }

    [Test]
    public void UnknownFeatureOutputListsTheOutputs()
    {
        var e = Assert.Throws<UserError>(() => Backbone.Open(TestImages.Model("tiny-resnet.onnx"), output: "fc9"));
        Assert.That(e!.Message, Does.Contain("has no output 'fc9'").And.Contain("features"));
    }

    [Test]
    public void ABackboneThatGivesNonFiniteFeaturesIsNamed()
    {
        // A std of 1e-300 sends every pixel to ±infinity, and the network's output with it.
        string model = Bare("teacher-lenet-0-5.onnx");
        File.WriteAllText(Path.ChangeExtension(model, ".json"), "{ \"normalisation\": { \"mean\": 0.5, \"std\": 1e-300 } }");
        using Backbone backbone = Backbone.Open(model);
        var image = new RasterImage(28, 28, 1, Enumerable.Range(0, 28 * 28).Select(i => (byte)i).ToArray());
        var e = Assert.Throws<InvalidDataException>(() => backbone.Extract(1, _ => image));
        Assert.That(e!.Message, Does.Contain(model).And.Contain("for image 0").And.Contain("finite"));
    }

    [Test]
    public void CorruptMetadataIsNamed()
    {
        string model = Bare("tiny-resnet.onnx");
        File.WriteAllText(Path.ChangeExtension(model, ".json"), "{ \"preprocessing\": \"sepia\" }");
        var e = Assert.Throws<InvalidDataException>(() => Backbone.Open(model));
        Assert.That(e!.Message, Does.Contain(Path.ChangeExtension(model, ".json")).And.Contain("unknown preprocessing 'sepia'"));
    }

    [Test]
    public void BatchedAndSingleExtractionAgree()
    {
        using Backbone backbone = Backbone.Open(TestImages.Model("tiny-resnet.onnx"));
        var rng = new Random(2);
        var images = Enumerable.Range(0, 19).Select(_ =>
        {
            var px = new byte[40 * 30 * 3];
            rng.NextBytes(px);
            return new RasterImage(40, 30, 3, px);
        }).ToArray();
        var done = new List<int>();

        float[][] all = backbone.Extract(images.Length, i => images[i], done.Add);

        Assert.That(done, Is.EqualTo(new[] { 16, 19 }), "one report per model run of up to 16 images");
        Assert.That(backbone.Extract(1, _ => images[17])[0], Is.EqualTo(all[17]).Within(1e-5f));
    }
}

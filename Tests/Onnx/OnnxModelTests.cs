using Qtl.Onnx;
using Qtl.Tests.Data;

namespace Qtl.Tests.Onnx;

public class OnnxModelTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-onnx");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void FashionBackboneDescribesItsImageInputAndFeatureOutput()
    {
        OnnxModel model = OnnxModel.Open(TestImages.Model("fashion-backbone.onnx"));

        Assert.That(model.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "image" }));
        Assert.That(model.Inputs[0].ElementType, Is.EqualTo("float32"));
        Assert.That(model.Inputs[0].Shape, Is.EqualTo(new int?[] { null, 1, 28, 28 }));
        Assert.That(model.Outputs[0].Name, Is.EqualTo("features"));
        Assert.That(model.Outputs[0].Shape, Has.Count.EqualTo(2));
    }

    [Test]
    public void RunReturnsOneFeatureRowPerBatchItemAndIsDeterministic()
    {
        OnnxModel model = OnnxModel.Open(TestImages.Model("fashion-backbone.onnx"));
        var rng = new Random(3);
        float[] x = Enumerable.Range(0, 3 * 784).Select(_ => (float)rng.NextDouble()).ToArray();

        OnnxOutput a = model.Run(x, [3, 1, 28, 28]);
        OnnxOutput b = model.Run(x[..784], [1, 1, 28, 28]);

        Assert.That(a.Name, Is.EqualTo("features"));
        Assert.That(a.Dims[0], Is.EqualTo(3));
        Assert.That(a.Data, Has.Length.EqualTo(3 * a.RowLength));
        Assert.That(a.Data.All(float.IsFinite), Is.True);
        Assert.That(b.Data, Is.EqualTo(a.Data[..a.RowLength]).Within(1e-5f));
    }

    [Test]
    public void NamedIntermediateTensorCanBeFetched()
    {
        OnnxModel model = OnnxModel.Open(TestImages.Model("tiny-resnet.onnx"));
        var e = Assert.Throws<ArgumentException>(() => model.Run(new float[3 * 224 * 224], [1, 3, 224, 224], output: "no-such-tensor"));
        Assert.That(e!.Message, Does.Contain("no output or intermediate tensor 'no-such-tensor'").And.Contain($"'{model.Outputs[0].Name}'"));

        // The error lists intermediates; fetch the last one it names.
        string intermediate = e.Message[(e.Message.LastIndexOf(", '", StringComparison.Ordinal) + 3)..].TrimEnd('\'');
        OnnxOutput o = model.Run(new float[2 * 3 * 224 * 224], [2, 3, 224, 224], output: intermediate);
        Assert.That(o.Name, Is.EqualTo(intermediate));
        Assert.That(o.Dims[0], Is.EqualTo(2));
    }

    [Test]
    public void WrongInputShapeSaysWhatTheModelExpects()
    {
        OnnxModel model = OnnxModel.Open(TestImages.Model("fashion-backbone.onnx"));
        var e = Assert.Throws<ArgumentException>(() => model.Run(new float[2 * 3 * 28 * 28], [2, 3, 28, 28]));
        Assert.That(e!.Message, Does.Contain("dimension 1 must be 1"));
        var rank = Assert.Throws<ArgumentException>(() => model.Run(new float[2 * 784], [2, 784]));
        Assert.That(rank!.Message, Does.Contain("rank-2"));
        var channels = Assert.Throws<InvalidDataException>(() => model.ImageInput(3, 224, 224, "RGB images"));
        Assert.That(channels!.Message, Does.Contain("(1 channels), but RGB images have 3"));
    }

    [Test]
    public void CorruptModelFileIsNamedAndCalledInvalid()
    {
        string path = Path.Combine(_dir, "garbage.onnx");
        File.WriteAllBytes(path, [.. "this is not a protobuf"u8, 0xff, 0xfe, 0x00, 0x13]);

        var e = Assert.Throws<InvalidDataException>(() => OnnxModel.Open(path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("is not a valid ONNX model"));
    }

    [Test]
    public void MissingModelFileIsFileNotFound()
    {
        string path = Path.Combine(_dir, "missing.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => OnnxModel.Open(path));
        Assert.That(e!.Message, Does.Contain(path));
    }

    [Test]
    public void ReplacedModelFileIsReloaded()
    {
        string path = Path.Combine(_dir, "model.onnx");
        File.Copy(TestImages.Model("fashion-backbone.onnx"), path);
        Assert.That(OnnxModel.Open(path).Inputs[0].Shape[1], Is.EqualTo(1));

        File.Copy(TestImages.Model("tiny-resnet.onnx"), path, overwrite: true);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.That(OnnxModel.Open(path).Inputs[0].Shape[1], Is.EqualTo(3));
    }
}

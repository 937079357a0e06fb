using Qtl.Backbones;
using Qtl.Tests.Data;

namespace Qtl.Tests.Backbones;

public class OnnxModelTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = TestImages.TempDir("qtl-onnx");

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static string GreyModel => TestImages.Model("teacher-lenet-0-5.onnx");

    [Test]
    public void GreyModelDescribesItsImageInputAndOutput()
    {
        using OnnxModel model = OnnxModel.Open(GreyModel);

        Assert.That(model.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "image" }));
        Assert.That(model.Inputs[0].ElementType, Is.EqualTo("Single"));
        Assert.That(model.Inputs[0].Shape, Is.EqualTo(new int?[] { null, 1, 28, 28 }));
        Assert.That(model.Outputs[0].Name, Is.EqualTo("logits"));
        Assert.That(model.Outputs[0].Shape, Is.EqualTo(new int?[] { null, 6 }));
    }

    [Test]
    public void RunReturnsOneRowPerBatchItemAndIsDeterministic()
    {
        using OnnxModel model = OnnxModel.Open(GreyModel);
        var rng = new Random(3);
        float[] x = Enumerable.Range(0, 3 * 784).Select(_ => (float)rng.NextDouble()).ToArray();

        OnnxOutput a = model.Run(x, [3, 1, 28, 28]);
        OnnxOutput b = model.Run(x[..784], [1, 1, 28, 28]);

        Assert.That(a.Name, Is.EqualTo("logits"));
        Assert.That(a.Dims, Is.EqualTo(new[] { 3, 6 }));
        Assert.That(a.Data.All(float.IsFinite), Is.True);
        Assert.That(b.Data, Is.EqualTo(a.Data[..a.RowLength]).Within(1e-5f));
        Assert.That(model.Run(x, [3, 1, 28, 28]).Data, Is.EqualTo(a.Data), "same input, same bits");
    }

    [Test]
    public void UnknownOutputListsTheModelsOutputs()
    {
        using OnnxModel model = OnnxModel.Open(TestImages.Model("tiny-resnet.onnx"));
        var e = Assert.Throws<InvalidDataException>(() => model.Run(new float[3 * 224 * 224], [1, 3, 224, 224], output: "no-such-tensor"));
        Assert.That(e!.Message, Does.Contain("has no output 'no-such-tensor'").And.Contain(model.Outputs[0].Name));
    }

    [Test]
    public void WrongInputShapeNamesTheModelAndTheShape()
    {
        using OnnxModel model = OnnxModel.Open(GreyModel);
        var e = Assert.Throws<InvalidDataException>(() => model.Run(new float[2 * 3 * 28 * 28], [2, 3, 28, 28]));
        Assert.That(e!.Message, Does.Contain(GreyModel).And.Contain("[2, 3, 28, 28]"));
        var channels = Assert.Throws<InvalidDataException>(() => model.ImageInput(3, 224, 224, "RGB images"));
        Assert.That(channels!.Message, Does.Contain("(1 channels), but RGB images have 3"));
        Assert.That(() => model.Run(new float[5], [2, 3]), Throws.ArgumentException.With.Message.Contain("does not match dims"));
    }

    [Test]
    public void CorruptModelFileIsNamedAndCalledInvalid()
    {
        string path = Path.Combine(_dir, "garbage.onnx");
        File.WriteAllBytes(path, [.. "this is not a protobuf"u8, 0xff, 0xfe, 0x00, 0x13]);

        var e = Assert.Throws<InvalidDataException>(() => OnnxModel.Open(path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("is not a valid ONNX model"));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void TruncatedModelFileIsCalledInvalid()
    {
        string path = Path.Combine(_dir, "truncated.onnx");
        byte[] bytes = File.ReadAllBytes(TestImages.Model("tiny-resnet.onnx"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.That(() => OnnxModel.Open(path), Throws.TypeOf<InvalidDataException>().With.Message.Contain(path));
    }

    [Test]
    public void MissingModelFileIsFileNotFound()
    {
        string path = Path.Combine(_dir, "missing.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => OnnxModel.Open(path));
        Assert.That(e!.Message, Does.Contain(path));
    }
}

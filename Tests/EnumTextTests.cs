using System.Text.Json;
using Qtl.Distillation;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Training;

namespace Qtl.Tests;

/// <summary>Closed sets keep the text that run folders, checkpoints and the command line have always used.</summary>
public class EnumTextTests
{
    [Test]
    public void NamesAreTheFilesAndCommandLinesTextInDeclarationOrder()
    {
        Assert.That(EnumText.Names<HeadKind>(), Is.EqualTo(new[] { "quantum", "classical", "linear", "lbfgs", "sdca" }));
        Assert.That(EnumText.Names<BackendKind>(), Is.EqualTo(new[] { "qsharp", "native" }));
        Assert.That(EnumText.Names<GradientMethod>(), Is.EqualTo(new[] { "parameter-shift", "adjoint" }));
        Assert.That(EnumText.Names<InputEncoding>(), Is.EqualTo(new[] { "angle", "amplitude" }));
        Assert.That(EnumText.Names<FrontEnd>(), Is.EqualTo(new[] { "linear", "pca" }));
    }

    [Test]
    public void JsonWritesAndReadsTheNameAsAValueAndAsAKey()
    {
        Assert.That(JsonSerializer.Serialize(HeadKind.Linear), Is.EqualTo("\"linear\""));
        Assert.That(JsonSerializer.Serialize(new Dictionary<HeadKind, int> { [HeadKind.Classical] = 1 }), Is.EqualTo("{\"classical\":1}"));
        Assert.That(JsonSerializer.Deserialize<HeadKind>("\"quantum\""), Is.EqualTo(HeadKind.Quantum));
        Assert.That(JsonSerializer.Deserialize<Dictionary<HeadKind, int>>("{\"linear\":2}"), Does.ContainKey(HeadKind.Linear));
    }

    [Test]
    public void TrainingOptionsKeepTheirCheckpointText()
    {
        // Checkpoints written before backend and gradient were enums hold these strings.
        string json = JsonSerializer.Serialize(new TrainingOptions { Backend = BackendKind.QSharp, GradientMethod = GradientMethod.ParameterShift });
        Assert.That(json, Does.Contain("\"Backend\":\"qsharp\"").And.Contain("\"GradientMethod\":\"parameter-shift\""));
        var read = JsonSerializer.Deserialize<TrainingOptions>("{\"Backend\":\"native\",\"GradientMethod\":\"adjoint\"}")!;
        Assert.That((read.Backend, read.GradientMethod), Is.EqualTo((BackendKind.Native, GradientMethod.Adjoint)));
    }

    [TestCase("\"Quantum\"")]
    [TestCase("\"cnn\"")]
    [TestCase("0")]
    public void JsonRefusesAnythingButTheNames(string json)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HeadKind>(json))!;
        Assert.That(e.Message, Does.Contain("allowed: quantum, classical, linear"));
    }

    [Test]
    public void ParsingAnOptionNamesItAndWhatIsAllowed()
    {
        Assert.That(EnumText.Parse<BackendKind>("qsharp", "--backend"), Is.EqualTo(BackendKind.QSharp));
        var e = Assert.Throws<UserError>(() => EnumText.Parse<GradientMethod>("Adjoint", "--gradient"))!;
        Assert.That(e.Message, Is.EqualTo("--gradient is 'Adjoint'; allowed: parameter-shift, adjoint."));
    }
}

using System.Text.Json;
using Qtl.Model;

namespace Qtl.Tests.Model;

/// <summary>Head kinds keep the lower-case text that run folders and the command line have always used.</summary>
public class HeadKindTests
{
    [Test]
    public void NamesAreLowerCaseInDeclarationOrder() =>
        Assert.That(HeadKinds.Names, Is.EqualTo(new[] { "quantum", "classical", "linear" }));

    [Test]
    public void JsonWritesAndReadsTheNameAsAValueAndAsAKey()
    {
        Assert.That(JsonSerializer.Serialize(HeadKind.Linear), Is.EqualTo("\"linear\""));
        Assert.That(JsonSerializer.Serialize(new Dictionary<HeadKind, int> { [HeadKind.Classical] = 1 }), Is.EqualTo("{\"classical\":1}"));
        Assert.That(JsonSerializer.Deserialize<HeadKind>("\"quantum\""), Is.EqualTo(HeadKind.Quantum));
        Assert.That(JsonSerializer.Deserialize<Dictionary<HeadKind, int>>("{\"linear\":2}"), Does.ContainKey(HeadKind.Linear));
    }

    [TestCase("\"Quantum\"")]
    [TestCase("\"cnn\"")]
    [TestCase("0")]
    public void JsonRefusesAnythingButTheNames(string json)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HeadKind>(json))!;
        Assert.That(e.Message, Does.Contain("allowed: quantum, classical, linear"));
    }
}

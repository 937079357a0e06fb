using Microsoft.ML.OnnxRuntime;
using Qtl.Export;
using Qtl.Model;

namespace Qtl.Tests.Export;

/// <summary>The exported graph, run by ONNX Runtime, gives the native engine's exact probabilities of every head kind.</summary>
public class OnnxExportTests
{
    private static readonly string[] Classes = ["ant", "bee", "wasp"];

    [TestCase(HeadKind.Quantum, 4, 6, false)]
    [TestCase(HeadKind.Quantum, 1, 2, false)]
    [TestCase(HeadKind.Quantum, 3, 0, false)]
    [TestCase(HeadKind.Quantum, 5, 3, true)]
    [TestCase(HeadKind.Quantum, OnnxExport.MaxQubits, 1, false)]
    [TestCase(HeadKind.Classical, 4, 6, false)]
    [TestCase(HeadKind.Linear, 4, 6, false)]
    public void TheGraphGivesTheNativeProbabilitiesOnTheValidationSet(HeadKind kind, int qubits, int depth, bool separable)
    {
        var data = ExportFixtures.Data(12, Classes, train: 60, validation: 45, seed: qubits * 10 + depth);
        var model = ExportFixtures.Train(kind, ExportFixtures.Options(qubits, depth) with { Separable = separable }, data);
        var expected = ExportFixtures.NativeProbabilities(model, data.Validation.Features);

        using var session = new InferenceSession(OnnxExport.Head(model));
        var (probabilities, score, labels) = ExportFixtures.Run(session, data.Validation.Features);

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
        var model = ExportFixtures.Train(HeadKind.Quantum, ExportFixtures.Options(OnnxExport.MaxQubits + 1, 1, epochs: 1),
            ExportFixtures.Data(12, Classes, train: 60, validation: 45, seed: 1));
        var e = Assert.Throws<UserError>(() => OnnxExport.Head(model));
        Assert.That(e!.Message, Does.Contain($"{OnnxExport.MaxQubits + 1} qubits").And.Contain($"1 to {OnnxExport.MaxQubits} qubits"));
    }
}

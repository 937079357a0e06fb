using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.MlNet;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;

namespace Qtl.Tests.MlNet;

/// <summary>Bad input is one line, in ML.NET's way: a column of the wrong kind an ArgumentOutOfRangeException, bad values an InvalidOperationException.</summary>
public class QuantumHeadTrainerInputTests
{
    private static readonly QuantumHeadTrainer.Options Fast = new()
    {
        Qubits = 2, Depth = 1, Epochs = 1, Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint,
    };

    private static MlNetRows.Row Row(string label, params float[] features) => new() { Label = label, Features = features };

    private static IDataView Keyed(MLContext ml, IDataView data) => ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);

    private static IDataView TwoClasses(MLContext ml, float third = 0.3f) =>
        Keyed(ml, MlNetRows.Load(ml, [Row("a", 0.1f, 0.2f, third), Row("b", 0.9f, 0.8f, 0.7f), Row("a", 0.2f, 0.1f, 0.3f), Row("b", 0.8f, 0.9f, 0.6f)], 3));

    private static T Refused<T>(TestDelegate fit) where T : Exception
    {
        var e = Assert.Throws<T>(fit)!;
        Assert.That(e.Message, Does.Not.Contain('\n'));
        return e;
    }

    [Test]
    public void AFeatureColumnOfVariableSizeIsRefused()
    {
        var ml = new MLContext(1);
        var data = Keyed(ml, ml.Data.LoadFromEnumerable(new[] { Row("a", 1, 2), Row("b", 3, 4) }));
        var e = Refused<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.QuantumHead(Fast).Fit(data));
        Assert.That(e.Message, Does.Contain("feature column 'Features'").And.Contain("known-size vector of Single"));
    }

    [Test]
    public void ALabelThatIsNotAKeyIsRefused()
    {
        var ml = new MLContext(1);
        var data = MlNetRows.Load(ml, [Row("a", 1, 2), Row("b", 3, 4)], 2);
        var e = Refused<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.QuantumHead(Fast).Fit(data));
        Assert.That(e.Message, Does.Contain("label column 'Label'").And.Contain("key type"));
        // In a pipeline ML.NET checks the schema before it fits anything (the estimator's GetOutputSchema).
        var chain = ml.Transforms.CopyColumns("Copy", "Features").Append(ml.MulticlassClassification.Trainers.QuantumHead(Fast));
        var shape = Refused<ArgumentOutOfRangeException>(() => chain.Fit(data));
        Assert.That(shape.Message, Does.Contain("key type"));
    }

    [Test]
    public void OneClassIsRefused()
    {
        var ml = new MLContext(1);
        var data = Keyed(ml, MlNetRows.Load(ml, [Row("a", 1, 2), Row("a", 3, 4)], 2));
        var e = Refused<InvalidOperationException>(() => ml.MulticlassClassification.Trainers.QuantumHead(Fast).Fit(data));
        Assert.That(e.Message, Does.Contain("at least 2 classes"));
    }

    [Test]
    public void NaNFeaturesAreRefusedNamingTheRowAndSlot()
    {
        var ml = new MLContext(1);
        var e = Refused<InvalidOperationException>(() => ml.MulticlassClassification.Trainers.QuantumHead(Fast).Fit(TwoClasses(ml, float.NaN)));
        Assert.That(e.Message, Does.Contain("Row 0").And.Contain("slot 2").And.Contain("NaN"));
    }

    [Test]
    public void FeaturesOfAnotherSizeAreRefusedAtTransform()
    {
        var ml = new MLContext(1);
        var head = ml.MulticlassClassification.Trainers.QuantumHead(Fast).Fit(TwoClasses(ml));
        var wrong = Keyed(ml, MlNetRows.Load(ml, [Row("a", 1, 2), Row("b", 3, 4)], 2));
        var e = Refused<ArgumentOutOfRangeException>(() => head.Transform(wrong));
        Assert.That(e.Message, Does.Contain("Vector<Single, 3>").And.Contain("Vector<Single, 2>"));
    }

    [Test]
    public void BadRecipeOptionsAreTheProductsOneLineErrors()
    {
        var ml = new MLContext(1);
        var e = Assert.Throws<UserError>(() => ml.MulticlassClassification.Trainers.QuantumHead(new QuantumHeadTrainer.Options { Qubits = 0 }))!;
        Assert.That(e.Message, Does.Contain("qubits is 0"));
    }
}

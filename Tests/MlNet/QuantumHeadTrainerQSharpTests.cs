using Microsoft.ML;
using Qtl.MlNet;
using Qtl.Quantum;
using Qtl.Tests.Training;
using Qtl.Training;

namespace Qtl.Tests.MlNet;

/// <summary>The trainer on its default backend, the QDK (its own client, started for the fit and ended after it).</summary>
[NonParallelizable]
public class QuantumHeadTrainerQSharpTests
{
    [Test, Integration]
    public void OnTheQdkTheWeightsAreTheNativeEnginesToRounding()
    {
        var data = SyntheticData.Blobs(perClass: 4, features: 3, seed: 6);
        var train = MlNetRows.AsFloats(data.Train);
        var ml = new MLContext(1);
        var view = MlNetRows.Load(ml, train);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
        TrainedModel Fit(BackendKind backend) => ml.MulticlassClassification.Trainers.QuantumHead(new QuantumHeadTrainer.Options
            { Qubits = 2, Depth = 1, Epochs = 1, LearningRate = 0.05, Backend = backend }).Fit(keyed).Model;
        var (qdk, native) = (Fit(BackendKind.QSharp), Fit(BackendKind.Native));
        foreach (var (name, values) in native.Parameters)
            Assert.That(qdk.Parameters[name], Is.EqualTo(values).Within(1e-9), name);
        Assert.That(qdk.Options.Backend, Is.EqualTo(BackendKind.QSharp));
    }
}

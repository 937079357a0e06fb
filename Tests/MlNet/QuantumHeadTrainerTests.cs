using Microsoft.ML;
using Microsoft.ML.Data;
using Qtl.Features;
using Qtl.MlNet;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Quantum.Gradients;
using Qtl.Tests.Training;
using Qtl.Training;

namespace Qtl.Tests.MlNet;

/// <summary>The ML.NET path is the CLI path: same weights, same probabilities, same accuracy; and it saves and loads.</summary>
public class QuantumHeadTrainerTests
{
    private static QuantumHeadTrainer.Options Fast() => new()
    {
        Qubits = 2, Depth = 2, LearningRate = 0.05, BatchSize = 4, Epochs = 4, StepSize = 2, Gamma = 0.5,
        Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint, Seed = 3,
    };

    private static (FeatureSet Train, FeatureSet Validation) Data()
    {
        var data = SyntheticData.Blobs(perClass: 12, features: 6, seed: 4);
        return (MlNetRows.AsFloats(data.Train), MlNetRows.AsFloats(data.Validation));
    }

    /// <summary>Compared with what <c>train</c> runs, report included: its circuit figure is drawn by the QDK.</summary>
    [Test]
    [Integration]
    public void FitGivesTheWeightsAndProbabilitiesOfTrainAndEvaluateItsAccuracy()
    {
        var (train, validation) = Data();
        var options = Fast();
        using var qtl = new QtlContext();
        string folder = Path.Combine(Path.GetTempPath(), $"qtl-mlnet-{Guid.NewGuid():N}");
        try
        {
            // What `train` runs: the experiment, its run folder and checkpoints.
            var run = qtl.Train(Dataset.FromFeatures(train, validation), options.ToTrainingOptions(), folder, [HeadKind.Quantum]);
            var cli = run.Quantum.Model;

            var ml = new MLContext(1);
            var key = ml.Transforms.Conversion.MapValueToKey("Label");
            var trainView = MlNetRows.Load(ml, train);
            var validationView = MlNetRows.Load(ml, validation);
            var keyed = key.Fit(trainView);
            var epochs = new List<EpochMetrics>();
            var trainer = ml.MulticlassClassification.Trainers.QuantumHead(options);
            trainer.EpochCompleted += epochs.Add;
            // The training alone first (what Fit does before it builds the scorer), then Fit.
            TrainedModel trained = trainer.Train(keyed.Transform(trainView), keyed.Transform(validationView));
            Assert.That(trained.Parameters.Keys, Is.EquivalentTo(cli.Parameters.Keys));
            foreach (var (name, values) in cli.Parameters)
                Assert.That(trained.Parameters[name], Is.EqualTo(values), name);
            Assert.That(trained.BestEpoch, Is.EqualTo(cli.BestEpoch));
            Assert.That(trained.ClassNames, Is.EqualTo(new[] { "left", "right" }));
            Assert.That(epochs.Select(e => e.Epoch), Is.EqualTo(new[] { 1, 2, 3, 4 }));

            QuantumHeadTransformer head = trainer.Fit(keyed.Transform(trainView), keyed.Transform(validationView));
            foreach (var (name, values) in cli.Parameters)
                Assert.That(head.Model.Parameters[name], Is.EqualTo(values), name);

            using var backend = new NativeBackend();
            double[][] ours = head.Model.Logits(validation.Features, backend).Select(l => Probabilities.Softmax(l)).ToArray();
            double[][] theirs = cli.Logits(validation.Features, backend).Select(l => Probabilities.Softmax(l)).ToArray();
            var scored = head.Transform(keyed.Transform(validationView));
            float[][] scores = scored.GetColumn<float[]>("Score").ToArray();
            for (int i = 0; i < validation.Count; i++)
            {
                Assert.That(ours[i], Is.EqualTo(theirs[i]).Within(1e-12), $"sample {i}");
                Assert.That(scores[i], Is.EqualTo(theirs[i].Select(p => (float)p)).Within(1e-6), $"sample {i}");
            }
            var metrics = ml.MulticlassClassification.Evaluate(scored);
            Assert.That(metrics.MicroAccuracy, Is.EqualTo(run.Quantum.Accuracy).Within(1e-12));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void ASavedPipelineLoadsWithTheSamePredictions()
    {
        var (train, validation) = Data();
        var ml = new MLContext(1);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.QuantumHead(Fast()))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var trainView = MlNetRows.Load(ml, train);
        var model = pipeline.Fit(trainView);
        var test = MlNetRows.Load(ml, validation);
        var before = model.Transform(test);
        string path = Path.Combine(Path.GetTempPath(), $"qtl-mlnet-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, trainView.Schema, path);
            var loaded = new MLContext(2).Model.Load(path, out var schema);
            Assert.That(schema["Features"].Type.ToString(), Is.EqualTo(trainView.Schema["Features"].Type.ToString()));
            var after = loaded.Transform(test);
            Assert.That(after.GetColumn<float[]>("Score").ToArray(), Is.EqualTo(before.GetColumn<float[]>("Score").ToArray()));
            string[] predicted = after.GetColumn<string>("PredictedLabel").ToArray();
            Assert.That(predicted, Is.EqualTo(before.GetColumn<string>("PredictedLabel").ToArray()));
            Assert.That(predicted.Distinct(), Is.SubsetOf(new[] { "left", "right" }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void WithoutValidationDataTheModelIsTheLastEpochs()
    {
        var (train, _) = Data();
        var ml = new MLContext(1);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(MlNetRows.Load(ml, train)).Transform(MlNetRows.Load(ml, train));
        var head = ml.MulticlassClassification.Trainers.QuantumHead(Fast()).Fit(keyed);
        Assert.That(head.Model.BestEpoch, Is.EqualTo(4));
        Assert.That(head.Model.History.All(h => h.ValidationAccuracy is null), Is.True);
        var last = new TransferTrainer(Fast().ToTrainingOptions(), new NativeBackend()).Train(HeadKind.Quantum, train, null);
        Assert.That(head.Model.Parameters["post.weight"], Is.EqualTo(last.Parameters["post.weight"]));
        Assert.That(head.Model.Parameters["pre.weight"], Is.Not.EqualTo(new TransferTrainer(Fast().ToTrainingOptions() with { Epochs = 3 }, new NativeBackend())
            .Train(HeadKind.Quantum, train, null).Parameters["pre.weight"]));
    }
}

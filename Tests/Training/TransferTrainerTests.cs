using Qtl.Model;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Tests.Training;

public class TransferTrainerTests
{
    internal static readonly TrainingOptions Fast = new()
    {
        Qubits = 2, Depth = 2, LearningRate = 0.05, BatchSize = 4, Epochs = 6, StepSize = 3, Gamma = 0.5,
        Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint, Seed = 3,
    };

    [Test]
    public void TheQuantumHeadLearnsASeparableTask()
    {
        var data = SyntheticData.Blobs(perClass: 30, features: 6, seed: 1);
        var model = new TransferTrainer(Fast, new NativeBackend()).Train(HeadKind.Quantum, data);
        Assert.That(model.BestValidationAccuracy, Is.GreaterThanOrEqualTo(0.9));
        Assert.That(model.History, Has.Count.EqualTo(6));
    }

    [Test]
    public void ResumingAfterAnInterruptionGivesBitIdenticalWeights()
    {
        var data = SyntheticData.Blobs(perClass: 20, features: 6, seed: 2);
        string dir = Directory.CreateTempSubdirectory("qtl-resume").FullName;
        try
        {
            var uninterrupted = new TransferTrainer(Fast, new NativeBackend()).Train(HeadKind.Quantum, data, Path.Combine(dir, "a.json"));

            // Interrupt the second run in the middle of epoch 4 (after its epoch-3 checkpoint).
            string checkpoint = Path.Combine(dir, "b.json");
            var interrupted = new TransferTrainer(Fast, new NativeBackend());
            interrupted.Progress += p =>
            {
                if (p.Epoch == 3 && p.Step == 5) throw new OperationCanceledException("killed mid-epoch");
            };
            Assert.Throws<OperationCanceledException>(() => interrupted.Train(HeadKind.Quantum, data, checkpoint));
            Assert.That(Checkpoint.Load(checkpoint).Progress.EpochsDone, Is.EqualTo(3));

            var resumed = new TransferTrainer(Fast, new NativeBackend()).Train(HeadKind.Quantum, data, checkpoint, resume: true);

            var finalA = Checkpoint.Load(Path.Combine(dir, "a.json")).Progress.Parameters;
            var finalB = Checkpoint.Load(checkpoint).Progress.Parameters;
            foreach (var (name, value) in finalA)
                Assert.That(finalB[name], Is.EqualTo(value), name); // exact equality, not a tolerance
            Assert.That(resumed.History.Select(h => h.ValidationAccuracy), Is.EqualTo(uninterrupted.History.Select(h => h.ValidationAccuracy)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void ACheckpointWithAnotherFeatureDimensionIsRefused()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-dim").FullName;
        try
        {
            string checkpoint = Path.Combine(dir, "c.json");
            new TransferTrainer(Fast with { Epochs = 1 }, new NativeBackend()).Train(HeadKind.Quantum, SyntheticData.Blobs(10, 6, 1), checkpoint);
            var model = Checkpoint.LoadModel(checkpoint);
            var error = Assert.Throws<UserError>(() => model.Logits([new double[7]]))!;
            Assert.That(error.Message, Does.Contain("dimension 7").And.Contain("dimension 6"));
            string before = File.ReadAllText(checkpoint);
            Assert.Throws<UserError>(() =>
                new TransferTrainer(Fast with { Epochs = 2 }, new NativeBackend()).Train(HeadKind.Quantum, SyntheticData.Blobs(10, 7, 1), checkpoint, resume: true));
            Assert.That(File.ReadAllText(checkpoint), Is.EqualTo(before), "a refused resume must not touch the checkpoint");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

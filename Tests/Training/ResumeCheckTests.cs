using Qtl.Distillation;
using Qtl.Quantum.Gradients;
using Qtl.Quantum;
using Qtl.Training;

namespace Qtl.Tests.Training;

public class ResumeCheckTests
{
    [Test]
    public void OnlyEpochsMayDiffer()
    {
        Assert.DoesNotThrow(() => ResumeCheck.Require(new TrainingOptions { Epochs = 40 }, new TrainingOptions()));
        Assert.DoesNotThrow(() => ResumeCheck.Require(new DistillationOptions { Epochs = 20 }, new DistillationOptions()));
    }

    [Test]
    public void EveryDifferenceIsNamedByItsCommandLineOption()
    {
        var given = new TrainingOptions { LearningRate = 0.02, Backend = BackendKind.Native, GradientMethod = GradientMethod.Adjoint, QDelta = 0.5 };
        var error = Assert.Throws<UserError>(() => ResumeCheck.Require(given, new TrainingOptions()))!;
        Assert.That(error.Message, Does.Contain("--lr is 0.02 here, 0.0004 in the checkpoint")
            .And.Contain("--backend is native here, qsharp in the checkpoint")
            .And.Contain("--gradient is adjoint here, parameter-shift in the checkpoint")
            .And.Contain("--q-delta is 0.5 here, 0.01 in the checkpoint")
            .And.Contain("only --epochs may change"));
    }

    [Test]
    public void DistillationSettingsUseTheirOptionNamesAndShowUnsetValues()
    {
        var given = new DistillationOptions { FrontEndLearningRate = 1e-4, DataDirectory = "/data", Classes = [0, 1], PerClass = 20 };
        var error = Assert.Throws<UserError>(() => ResumeCheck.Require(given, new DistillationOptions()))!;
        Assert.That(error.Message, Does.Contain("--front-end-lr is 0.0001 here, unset in the checkpoint")
            .And.Contain("--data is /data here, unset in the checkpoint")
            .And.Contain("--classes is [0,1] here, [0,1,2,3,4,5] in the checkpoint")
            .And.Contain("--per-class is 20 here, 150 in the checkpoint"));
    }
}

using Qtl.Benchmarks;

namespace Qtl.Tests.Benchmarks;

public class BenchmarkGridTests
{
    [Test]
    public void EveryDefaultGridHasTheSameNumberOfSettings() =>
        Assert.That(BenchmarkModels.All.Select(e => e.DefaultGrid.Settings.Count).Distinct(), Is.EqualTo(new[] { 8 }));

    [Test]
    public void SettingsNestLearningRateOutermostThenCapacityThenL2()
    {
        var settings = new ModelGrid([0.1, 0.2], [3, 4], [0, 1]).Settings;
        Assert.That(settings[0], Is.EqualTo(new GridSetting(0.1, 3, 0)));
        Assert.That(settings[1], Is.EqualTo(new GridSetting(0.1, 3, 1)));
        Assert.That(settings[2], Is.EqualTo(new GridSetting(0.1, 4, 0)));
        Assert.That(settings[7], Is.EqualTo(new GridSetting(0.2, 4, 1)));
    }

    [Test]
    public void ATrainerWithoutALearningRateHasAnEmptyRateAxis()
    {
        var settings = new ModelGrid([], [50, 100, 200, 400], [0, 1]).Settings;
        Assert.That(settings, Has.Count.EqualTo(8));
        Assert.That(settings[0].LearningRate, Is.Null);
        Assert.That(settings[3].Describe("iterations"), Is.EqualTo("iterations 100, l2 1"));
    }

    [Test]
    public void AGridFileReplacesTheModelsItNamesAndMustKeepTheSizesEqual()
    {
        string dir = Directory.CreateTempSubdirectory("qtl-grid").FullName;
        try
        {
            string path = Path.Combine(dir, "grid.json");
            File.WriteAllText(path, """{"mlp": {"lr": [0.1], "width": [4, 8, 16, 64], "l2": [0, 0.5]}}""");
            var grids = BenchmarkGrid.Load(path, BenchmarkOptions.DefaultModels);
            Assert.That(grids[BenchmarkModel.Mlp].Capacities, Is.EqualTo(new[] { 4, 8, 16, 64 }));
            Assert.That(grids[BenchmarkModel.Quantum], Is.EqualTo(BenchmarkModels.Of(BenchmarkModel.Quantum).DefaultGrid));
            Assert.DoesNotThrow(() => BenchmarkGrid.Validate(grids, 4));

            File.WriteAllText(path, """{"mlp": {"lr": [0.1, 0.2, 0.3]}}""");
            var unequal = BenchmarkGrid.Load(path, BenchmarkOptions.DefaultModels);
            Assert.That(Assert.Throws<UserError>(() => BenchmarkGrid.Validate(unequal, 4))!.Message, Does.Contain("mlp 12").And.Contain("quantum 8").And.Contain("the same number of settings"));

            File.WriteAllText(path, """{"linear": {"width": [2]}}""");
            Assert.That(Assert.Throws<UserError>(() => BenchmarkGrid.Load(path, BenchmarkOptions.DefaultModels))!.Message, Does.Contain("linear has key 'width'; allowed: lr, l2"));
            File.WriteAllText(path, """{"boosted": {}}""");
            Assert.That(Assert.Throws<UserError>(() => BenchmarkGrid.Load(path, BenchmarkOptions.DefaultModels))!.Message, Does.Contain("'boosted'; allowed: quantum, quantum-separable"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}

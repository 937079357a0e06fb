using Qtl.Benchmarks;

namespace Qtl.Tests.Benchmarks;

public class CvChoiceTests
{
    private static readonly BenchmarkOptions Options = new BenchmarkOptions { Folds = 2 }.Validate();

    private static CellResult Cell(BenchmarkModel model, int setting, int fold, int correct) =>
        new(CellKey.Cv(null, model, setting, fold), 10, 4, correct, new string('1', correct) + new string('0', 4 - correct));

    [Test]
    public void TheSettingOfTheHighestMeanFoldAccuracyWinsAndATieGoesToTheFirstInGridOrder()
    {
        // Settings 0..7 of the MLP: means 0.5, 0.75, 0.75 (a tie with 1), the rest 0.25.
        int[][] correct = [[2, 2], [3, 3], [4, 2], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]];
        var cells = correct.SelectMany((c, s) => c.Select((k, f) => Cell(BenchmarkModel.Mlp, s, f, k))).ToList();
        var choice = CvChoice.From(null, BenchmarkModel.Mlp, cells, Options);
        Assert.That(choice.Chosen, Is.EqualTo(1));
        Assert.That(choice.ChosenMean, Is.EqualTo(0.75));
        Assert.That(choice.Settings[2].Std, Is.EqualTo(Math.Sqrt(0.125)).Within(1e-15), "std over folds of 1.0 and 0.5");
    }

    [Test]
    public void TheReferenceIsTheClassicalModelOfTheBestChosenCvAccuracyNeverAQuantumOne()
    {
        var stats = (double m) => new Qtl.Reports.SeedStatistics(2, m, 0, m, m);
        CvChoice Of(BenchmarkModel model, double mean) => new(null, model, [stats(mean)], 0);
        var choices = new[] { Of(BenchmarkModel.Quantum, 0.99), Of(BenchmarkModel.Classical, 0.8), Of(BenchmarkModel.Linear, 0.85), Of(BenchmarkModel.Mlp, 0.85),
            Of(BenchmarkModel.Lbfgs, 0.84), Of(BenchmarkModel.Sdca, 0.83) };
        Assert.That(CvChoice.BestClassical(choices, BenchmarkOptions.DefaultModels, null).Model, Is.EqualTo(BenchmarkModel.Linear), "a tie goes to the first in the models' order");
    }
}

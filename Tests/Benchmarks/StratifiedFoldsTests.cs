using Qtl.Benchmarks;

namespace Qtl.Tests.Benchmarks;

public class StratifiedFoldsTests
{
    private static readonly int[] Labels = [.. Enumerable.Range(0, 53).Select(i => i % 3 == 0 ? 1 : 0)];

    [Test]
    public void FoldsKeepEachClassSpreadEvenlyAndFoldSizesWithinOne()
    {
        int[] fold = StratifiedFolds.Assign(Labels, 5, seed: 0);
        for (int f = 0; f < 5; f++)
        {
            var members = Enumerable.Range(0, Labels.Length).Where(i => fold[i] == f).ToList();
            foreach (int c in new[] { 0, 1 })
            {
                int inClass = Labels.Count(l => l == c), here = members.Count(i => Labels[i] == c);
                Assert.That(here, Is.InRange(inClass / 5, inClass / 5 + 1), $"fold {f}, class {c}");
            }
        }
        var sizes = Enumerable.Range(0, 5).Select(f => fold.Count(x => x == f)).ToList();
        Assert.That(sizes.Max() - sizes.Min(), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void FoldsAreTheSameForTheSameSeedAndDifferForAnother()
    {
        int[] first = StratifiedFolds.Assign(Labels, 5, 0);
        Assert.That(StratifiedFolds.Assign(Labels, 5, 0), Is.EqualTo(first));
        Assert.That(StratifiedFolds.Assign(Labels, 5, 1), Is.Not.EqualTo(StratifiedFolds.Assign(Labels, 5, 0)));
    }

    [Test]
    public void ADrawTakesThatManyPerClassInOriginalOrderAndAllTakesEverything()
    {
        int[] drawn = StratifiedFolds.Draw(Labels, ["a", "b"], 7, seed: 2);
        Assert.That(drawn.Count(i => Labels[i] == 0), Is.EqualTo(7));
        Assert.That(drawn.Count(i => Labels[i] == 1), Is.EqualTo(7));
        Assert.That(drawn, Is.Ordered);
        Assert.That(StratifiedFolds.Draw(Labels, ["a", "b"], 7, seed: 2), Is.EqualTo(drawn));
        Assert.That(StratifiedFolds.Draw(Labels, ["a", "b"], 7, seed: 3), Is.Not.EqualTo(drawn));
        Assert.That(StratifiedFolds.Draw(Labels, ["a", "b"], null, seed: 2), Is.EqualTo(Enumerable.Range(0, Labels.Length)));
        Assert.That(Assert.Throws<UserError>(() => StratifiedFolds.Draw(Labels, ["a", "b"], 30, 2))!.Message, Does.Contain("class 'b' has 18 training samples"));
    }
}

using System.Globalization;
using Qtl.Distillation;
using Qtl.IO;
using Qtl.Reports;

namespace Qtl.Tests.Distillation;

public class KdTableTests
{
    [Test]
    public void PairedGainsPairEachDistilledSeedWithTheSameRowsStudentAloneOfThatSeed()
    {
        KdCell[] cells =
        [
            new("A", "none", [0.5, 0.6], null), new("A", "lenet", [0.7, 0.5], null),
            // Row B's student alone has one seed: only the first seed of its teachers is paired.
            new("B", "none", [0.4], null), new("B", "alexnet", [0.4, 0.9], null),
        ];
        var gain = KdTable.Paired(cells);
        double[] gains = [0.7 - 0.5, 0.5 - 0.6, 0.4 - 0.4];
        Assert.That(gain.Count, Is.EqualTo(3));
        Assert.That(gain.Positive, Is.EqualTo(1), "a gain of exactly 0 is not positive");
        Assert.That(gain.Mean, Is.EqualTo(gains.Average()).Within(1e-15));
        Assert.That(gain.Std, Is.EqualTo(SeedStatistics.Of(gains).Std).Within(1e-15));
    }

    [Test]
    public void ATableWithoutTeachersHasNoPairs() =>
        Assert.That(KdTable.Paired([new KdCell("A", "none", [0.5], null)]), Is.EqualTo(new PairedGain(0, 0, 0, 0)));

    /// <summary>The committed table's headline (docs/kd-fashion/results.md) is what Paired computes from its per-seed accuracies.</summary>
    [Test]
    public void TheCommittedHeadlineIsThePairedGainOfTheCommittedAccuracies()
    {
        var cells = CommittedCsv.Rows("kd-fashion/results.csv").Where(r => !r[0].StartsWith("teacher", StringComparison.Ordinal))
            .Select(r => new KdCell(r[0], r[1], [.. r[^1].Split(';').Select(a => double.Parse(a, CultureInfo.InvariantCulture) / 100)], null)).ToList();
        Assert.That(cells, Has.Count.EqualTo(12));
        string headline = File.ReadAllLines(Path.Combine(SourceTree.Root(), "docs", "kd-fashion", "results.md")).Single(l => l.StartsWith("Distilled minus alone", StringComparison.Ordinal));
        Assert.That(headline, Does.EndWith(KdTable.Describe(KdTable.Paired(cells)) + "."));
    }
}

using System.Globalization;
using System.Text;
using Qtl.Reports;

namespace Qtl.Distillation;

/// <summary>The student table shared by the reproduce reports: rows × (alone, LeNet, AlexNet, ensemble), and paired gains.</summary>
public static class KdTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Cells grouped by row, the "none" column first; published numbers in brackets where a cell has one.</summary>
    public static string Markdown(IEnumerable<KdCell> students)
    {
        var md = new StringBuilder();
        md.AppendLine("| subset, student | student alone | LeNet → student | AlexNet → student | ensemble → student | mean gain of distillation |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in students.GroupBy(c => c.Row))
        {
            var cells = row.ToList();
            double gain = cells.Where(c => c.Column != "none").Average(c => c.Mean) - cells.First(c => c.Column == "none").Mean;
            md.AppendLine($"| {row.Key} | " + string.Join(" | ", cells.Select(c => string.Create(Inv,
                    $"{100 * c.Mean:F2} ± {100 * c.Std:F2}{(c.Published is double p ? $" ({p:F2})" : "")}")))
                + string.Create(Inv, $" | {100 * gain:+0.00;-0.00} pp |"));
        }
        return md.ToString();
    }

    /// <summary>Teacher accuracies per subset (one cell per teacher; published in brackets).</summary>
    public static string Teachers(IEnumerable<KdCell> teachers)
    {
        var md = new StringBuilder("| subset | LeNet | AlexNet | ensemble |\n|---|---:|---:|---:|\n");
        foreach (var g in teachers.GroupBy(c => c.Row))
            md.AppendLine($"| {g.Key} | " + string.Join(" | ", new[] { "lenet", "alexnet", "ensemble" }.Select(t => g.FirstOrDefault(c => c.Column == t) is { } c
                ? string.Create(Inv, $"{100 * c.Mean:F2} ({c.Published:F2})") : "–")) + " |");
        return md.ToString();
    }

    /// <summary>Per (row, teacher, seed): distilled minus the same row's student alone with the same seed.</summary>
    public static PairedGain Paired(IEnumerable<KdCell> students)
    {
        var gains = new List<double>();
        foreach (var row in students.GroupBy(c => c.Row))
        {
            var alone = row.First(c => c.Column == "none").Accuracies;
            foreach (var c in row.Where(c => c.Column != "none"))
                for (int s = 0; s < Math.Min(alone.Count, c.Accuracies.Count); s++) gains.Add(c.Accuracies[s] - alone[s]);
        }
        if (gains.Count == 0) return new PairedGain(0, 0, 0, 0);
        var stats = SeedStatistics.Of(gains);
        return new PairedGain(stats.Mean, stats.Std, gains.Count(g => g > 0), gains.Count);
    }

    public static string Describe(PairedGain g) => string.Create(Inv,
        $"mean {100 * g.Mean:+0.00;-0.00} pp, std {100 * g.Std:F2} pp, {g.Positive} of {g.Count} positive");
}

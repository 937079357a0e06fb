using System.Diagnostics;
using System.Globalization;
using Qtl.Quantum;
using Qtl.Reports;
using Qtl.Runtime;

namespace Qtl.Benchmarks;

/// <summary>
/// Re-runs the first <c>K</c> cross-validation cells of the quantum models (in the protocol's order) on the QDK (the Q#
/// kernels, parameter-shift gradients) and compares them with the native engine's (adjoint): accuracy and how many
/// scored samples got the same prediction. Native and QDK agree to ~1e-10 per circuit, so the cells should too.
/// </summary>
public static class QSharpSpotCheck
{
    public static IReadOnlyList<QSharpCheckRow> Run(QdkRuntime runtime, BenchmarkData data, BenchmarkOptions o, IReadOnlyList<CellResult> cvCells, int count, Action<string> log)
    {
        var runner = new CellRunner(data, o);
        var rows = new List<QSharpCheckRow>();
        using var qsharp = new QSharpBackend(runtime);
        foreach (var native in cvCells.Where(c => BenchmarkModels.Of(c.Key.Model).IsQuantum).Take(count))
        {
            log($"QDK check: cell {native.Key.Id} on the qsharp backend...");
            var clock = Stopwatch.StartNew();
            var q = runner.Run(native.Key, qsharp);
            int same = native.CorrectBits.Zip(q.CorrectBits).Count(p => p.First == p.Second);
            rows.Add(new QSharpCheckRow(native.Key.Id, native.Accuracy, q.Accuracy, same, q.EvalCount, clock.Elapsed.TotalSeconds));
            log(string.Create(CultureInfo.InvariantCulture, $"QDK check: {native.Key.Id}: native {100 * native.Accuracy:F2} %, qsharp {100 * q.Accuracy:F2} %, {same} of {q.EvalCount} samples scored alike ({clock.Elapsed.TotalSeconds:F0} s)."));
        }
        return rows;
    }

    public static string Csv(IReadOnlyList<QSharpCheckRow> rows) => "id,native_accuracy,qsharp_accuracy,same_verdicts,scored,qsharp_seconds\n" +
        string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id},{r.Native:R},{r.QSharp:R},{r.SameVerdicts},{r.Scored},{r.Seconds:F1}\n")));

    /// <summary>The report's section; the QDK's time is in qsharp-check.csv only, so the report keeps its bits.</summary>
    public static TableSection Section(IReadOnlyList<QSharpCheckRow> rows) => new("QDK spot check", ["cell", "native acc %", "qsharp acc %", "samples scored alike"],
        [.. rows.Select(r => (IReadOnlyList<string>)[r.Id, (100 * r.Native).ToString("F2", CultureInfo.InvariantCulture), (100 * r.QSharp).ToString("F2", CultureInfo.InvariantCulture),
            $"{r.SameVerdicts} of {r.Scored}"])])
    {
        Note = "The same cells on the QDK (Q# kernels, parameter-shift) as on the native engine (adjoint); with the QDK's time in qsharp-check.csv.",
    };
}

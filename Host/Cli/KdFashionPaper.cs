using System.CommandLine;
using Qtl.Distillation.Paper;
using Qtl.Distillation;
using Qtl.IO;
using Qtl.Quantum;
using Qtl.Runtime;

namespace Qtl.Cli;

/// <summary><c>reproduce kd-fashion --protocol paper [--ladder]</c>: the authors' protocol, then one change at a time.</summary>
internal static class KdFashionPaper
{
    public static int Run(ParseResult r, DistillCommand.StudentOptions shared, bool quick, int? seeds, int? epochs, BackendKind backend, bool ladder, int threads, string? output, string? cacheDirectory, QdkRuntime runtime)
    {
        int n = seeds ?? (quick ? 1 : 3);
        Parsing.InRange(n, 1, 20, "--seeds");
        Parsing.InRange(threads, 1, 64, "--threads");
        var template = new PaperOptions
        {
            Epochs = epochs ?? (quick ? 3 : 10),
            Backend = backend,
            PerClass = r.GetValue(shared.PerClass),
            DataDirectory = r.GetValue(shared.Data),
        };
        int? shots = ExplicitShots(r, shared);
        (template with { Shots = shots ?? 5000 }).Validate();
        int steps = ladder ? PaperLadder.Steps.Count : 1;
        Console.WriteLine($"reproduce kd-fashion --protocol paper: {n} seed(s), {template.Epochs} epochs, {template.PerClass} images per class, backend {template.Backend.Text()} " +
            $"(shots {(shots is int s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "5000 for 3 qubits, 2000 for 4")}, {(template.Backend == BackendKind.Native ? "sampled on the native engine" : "Q# measurement on the QDK")}), {steps} rung(s).");
        string dir = output ?? Path.Combine("runs", "kd-fashion-paper");
        var cache = new PaperRunCache(cacheDirectory ?? Path.Combine(dir, "cache"));
        using var notice = StopSignals.Notice(() => KeptRuns(cache.Directory));
        var result = PaperTable.Run(steps, n, template, shots, threads, cache, Console.WriteLine, runtime);
#if DEBUG
        const string run = "dotnet run --project Host -- ";
#else
        const string run = "dotnet run -c Release --project Host -- ";
#endif
        string commandLine = run + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
        using (SafePoint.Process.Enter()) PaperReport.Write(dir, result, commandLine);
        Console.WriteLine(PaperReport.Markdown(result, commandLine));
        Console.WriteLine($"Wrote {dir}/results.csv, runs.csv, results.md, kd-fashion-paper.svg{(ladder ? ", kd-fashion-ladder.svg" : "")} ({result.Seconds:F0} s).");
        return 0;
    }

    /// <summary><c>distill --protocol paper</c>: one cell of the table (the cell's published quirks included), with its per-epoch curve.</summary>
    public static int Distill(ParseResult r, DistillCommand.StudentOptions shared, TeacherChoice teacher, int[] classes, int qubits, int seed, int epochs, BackendKind backend, string? output, QdkRuntime runtime)
    {
        var options = PaperOptions.ForCell(ClassSubset.Of(classes), qubits, teacher, seed) with
        {
            Epochs = epochs,
            Backend = backend,
            PerClass = r.GetValue(shared.PerClass),
            DataDirectory = r.GetValue(shared.Data),
        };
        options = options with { Shots = ExplicitShots(r, shared) ?? options.Shots };
        options.Validate();
        string dir = output ?? Path.Combine("runs", $"distill-paper-{DateTime.Now:yyyyMMdd-HHmmss}");
        Console.WriteLine($"distill --protocol paper: teacher {options.Teacher}, classes {options.ClassesTag}, {options.Qubits} qubits, head {options.Head}, {options.Shots} shots, seed {options.Seed}, backend {options.Backend.Text()}{(options.KdReachesStudent ? "" : " (this cell's KD term sends no gradient, as in the published notebook)")}");
        using var notice = StopSignals.Notice(() => $"a paper-protocol run is re-run whole; nothing of it was written to {Path.GetFullPath(dir)}. Start again with: {CommandText.Again(CommandText.Current)}");
        var result = PaperTrainer.Run(options, log: Console.WriteLine, runtime: runtime);
        using (SafePoint.Process.Enter()) PaperRunReport.Write(dir, result);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"best test-subset accuracy {100 * result.Accuracy:F2} % (epoch {result.SelectedEpoch}){(result.TeacherAccuracy is double t ? $", teacher {100 * t:F2} %" : "")}; readout {result.Readout} ({result.Seconds:F0} s). Wrote {dir}/summary.json, metrics.csv."));
        return 0;
    }

    /// <summary>What a stopped table kept: its finished runs, from which the same command continues.</summary>
    private static string KeptRuns(string cache)
    {
        string full = Path.GetFullPath(cache);
        int runs = Directory.Exists(full) ? Directory.GetFiles(full, "*.json").Length : 0;
        return $"{full} keeps every finished run ({runs} in all); the results were not written. The same command continues from them: {CommandText.Again(CommandText.Current)}";
    }

    /// <summary>--shots if given; otherwise null, and each cell takes the published count (5000 for 3 qubits, 2000 for 4).</summary>
    private static int? ExplicitShots(ParseResult r, DistillCommand.StudentOptions shared) =>
        r.GetResult(shared.Shots) is { Implicit: false } ? r.GetValue(shared.Shots) : null;
}

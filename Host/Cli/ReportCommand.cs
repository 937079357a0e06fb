using System.CommandLine;
using Qtl.Distillation;
using Qtl.Runtime;
using Qtl.Training;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary>
/// <c>report</c>: draws a run folder's report.html, every figure and its CSV again from the folder's files, without
/// training: a transfer run (train) from its checkpoints, summary and data options (features from the cache), a
/// distillation run (distill) from its summary and checkpoint.
/// </summary>
public static class ReportCommand
{
    public static Command Create(QdkRuntime runtime)
    {
        var run = new Option<string>("--run") { Description = "Run folder written by train or distill.", Required = true };
        var command = new Command("report", "Draw a run's report.html, figures and their CSV again from its files, without training.") { run };
        command.SetAction(r => Run(runtime, r.GetValue(run)!));
        return command;
    }

    private static int Run(QdkRuntime runtime, string dir)
    {
        string full = Path.GetFullPath(dir);
        if (!Directory.Exists(full)) throw new UserError($"--run: no run folder at {full}.");
        using var owner = RunLock.TryAcquire(full)
            ?? throw new UserError($"--run {full} is in use by another qtl process; wait for it to finish.");
        if (!Directory.EnumerateFiles(full, "*.checkpoint.json").Any())
            throw new UserError($"--run {full} holds no checkpoint of a train run (<head>.checkpoint.json) or of a distill run ({DistillationState.File}); " +
                "report draws those two kinds of run.");
        string report;
        if (File.Exists(DistillationState.PathIn(full)))
            report = DistillationReport.WriteReport(full, DistillationReport.Read(full));
        else
        {
            if (!File.Exists(Path.Combine(full, RunFolder.SummaryFile)))
                TrainedRun.Warn($"{full} has no {RunFolder.SummaryFile} (the run stopped before it); the report is drawn from the checkpoints.");
            using var qtl = new QtlContext(runtime);
            report = qtl.Open(full, log: notice => AnsiConsole.MarkupLineInterpolated($"[grey]{notice}[/]")).WriteReport();
        }
        AnsiConsole.MarkupLineInterpolated($"Wrote [link]{report}[/] and its figures (name.svg, name.csv) in {full}.");
        return 0;
    }
}

using Spectre.Console;
using Qtl.Features;

namespace Qtl.Cli;

/// <summary>
/// A progress bar per split while a backbone extracts features; in redirected output only the notices that
/// close each split (count, seconds, cache) are written, not a stream of percentages.
/// </summary>
public static class ExtractionDisplay
{
    public static TransferData Load(DataOptions options)
    {
        void Notice(string text) => AnsiConsole.MarkupLineInterpolated($"[grey]{text}[/]");
        if (Console.IsOutputRedirected)
            return TransferDataLoader.Load(options, Notice);
        TransferData data = null!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                data = TransferDataLoader.Load(options, Notice, p =>
                {
                    if (!tasks.TryGetValue(p.Split, out ProgressTask? task))
                        tasks[p.Split] = task = ctx.AddTask($"features ({p.Split})", maxValue: p.Total);
                    task.Value = p.Done;
                });
            });
        return data;
    }
}

using System.Diagnostics;
using Qtl.Benchmarks;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary>
/// Progress of a benchmark's cells with an estimate of the time left: a Spectre bar per stage in a terminal; in
/// redirected output a plain line at most every few seconds (and at each stage's end), the estimate from the mean
/// time of the cells computed so far.
/// </summary>
internal static class BenchmarkProgress
{
    private const double PlainLineSeconds = 5;

    public static T Run<T>(BenchmarkRunner runner, Func<T> work)
    {
        if (Console.IsOutputRedirected)
        {
            var clock = Stopwatch.StartNew();
            double last = double.NegativeInfinity;
            var started = new Dictionary<string, (double At, int Done)>();
            runner.CellCompleted += p =>
            {
                // A stage's clock starts when its first computed cell started (cells found done cost nothing).
                if (!started.TryGetValue(p.Stage, out var start) && !p.AlreadyDone) started[p.Stage] = start = (clock.Elapsed.TotalSeconds - p.Seconds, p.Done - 1);
                double now = clock.Elapsed.TotalSeconds;
                if (now - last < PlainLineSeconds && p.Done < p.Total) return;
                last = now;
                int computed = started.ContainsKey(p.Stage) ? p.Done - start.Done : 0;
                string left = computed > 0 ? $", about {Duration((now - start.At) / computed * (p.Total - p.Done))} left" : "";
                Console.WriteLine($"{p.Stage} cells {p.Done}/{p.Total} ({p.Cell.Key.Id}: accuracy {p.Cell.Accuracy:P1}){left}");
            };
            return work();
        }
        T result = default!;
        AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                runner.CellCompleted += p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task)) tasks[p.Stage] = task = ctx.AddTask($"{p.Stage} cells", maxValue: p.Total);
                    task.Value = p.Done;
                };
                result = work();
            });
        return result;
    }

    private static string Duration(double seconds) => seconds < 90 ? $"{seconds:F0} s" : $"{seconds / 60:F0} min";
}

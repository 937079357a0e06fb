using Qtl.Model;
using Qtl.Training;
using Spectre.Console;

namespace Qtl.Cli;

/// <summary>
/// One line per finished epoch, and in a terminal a progress bar per head with ETA. Output redirected to a
/// file or a pipe gets the epoch lines only: a redrawn bar there is a stream of "quantum: 26%" lines.
/// </summary>
public static class ProgressDisplay
{
    public static void Run(TransferExperiment experiment, TrainingOptions options, IReadOnlyList<HeadKind> heads, Action work)
    {
        experiment.EpochCompleted += (kind, m) => AnsiConsole.MarkupLineInterpolated(
            $"[grey]{kind.Text(),-9}[/] epoch {m.Epoch,3}/{options.Epochs}  lr {m.LearningRate:G3}  train loss {m.TrainLoss:F4} acc {m.TrainAccuracy:P1}  val loss {m.ValidationLoss:F4} acc {m.ValidationAccuracy:P1}  ({m.Seconds:F1} s)");
        if (Console.IsOutputRedirected)
        {
            work();
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = heads.ToDictionary(h => h, h => ctx.AddTask(h.Text(), autoStart: false, maxValue: 1));
                experiment.Progress += p =>
                {
                    var task = tasks[p.Kind];
                    if (!task.IsStarted) task.StartTask();
                    task.Value = (p.Epoch * p.StepsPerEpoch + p.Step) / (double)(p.Epochs * p.StepsPerEpoch);
                };
                work();
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
    }
}

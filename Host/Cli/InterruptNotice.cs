using Qtl.Model;
using Qtl.Training;

namespace Qtl.Cli;

/// <summary>
/// On Ctrl+C (SIGINT) during training, says on stderr what the run folder kept and how to continue,
/// then lets the process end (exit 130). Checkpoints are written atomically after each epoch, so the
/// last completed epoch of every head is safe.
/// </summary>
internal sealed class InterruptNotice : IDisposable
{
    private readonly string _outDir;
    private readonly Dictionary<HeadKind, int> _epochs = [];

    public InterruptNotice(string outDir, TransferExperiment experiment)
    {
        _outDir = Path.GetFullPath(outDir);
        experiment.EpochCompleted += (kind, m) => { lock (_epochs) _epochs[kind] = m.Epoch; };
        Console.CancelKeyPress += OnCancel;
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        string kept;
        lock (_epochs)
            kept = _epochs.Count == 0 ? "no epoch completed in this session" : string.Join(", ", _epochs.Select(p => $"{p.Key.Text()} to epoch {p.Value}"));
        Console.Error.WriteLine($"interrupted: {_outDir} keeps every completed epoch ({kept}); continue with `train --out {_outDir} --resume` and the same options.");
    }

    public void Dispose() => Console.CancelKeyPress -= OnCancel;
}

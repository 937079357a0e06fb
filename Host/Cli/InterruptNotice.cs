using Qtl.Model;
using Qtl.Training;

namespace Qtl.Cli;

/// <summary>
/// What a <c>train</c> stopped by a signal (<see cref="StopSignals"/>) says it kept: every completed epoch of every
/// head (checkpoints are written atomically after each epoch) and the command that continues the run, or, when the
/// stop came while the summary and report were written, that the run is complete.
/// </summary>
internal sealed class InterruptNotice : IDisposable
{
    private readonly string _outDir;
    private readonly string _resume;
    private readonly Dictionary<HeadKind, int> _epochs = [];
    private readonly IDisposable _registration;

    /// <param name="args">The invocation's arguments, from which the resume command is made.</param>
    public InterruptNotice(string outDir, TransferExperiment experiment, IReadOnlyList<string> args)
    {
        _outDir = Path.GetFullPath(outDir);
        _resume = CommandText.Resume(args, _outDir);
        experiment.EpochCompleted += (kind, m) => { lock (_epochs) _epochs[kind] = m.Epoch; };
        _registration = StopSignals.Notice(Text);
    }

    /// <summary>Set inside the safe stretch that writes summary.json and report.html, once both are written.</summary>
    public bool Finished { get; set; }

    private string Text()
    {
        if (Finished) return $"the run had finished: {_outDir} holds every epoch, summary.json and report.html.";
        string kept;
        lock (_epochs)
            kept = _epochs.Count == 0 ? "no epoch completed in this session" : string.Join(", ", _epochs.Select(p => $"{p.Key.Text()} to epoch {p.Value}"));
        return $"{_outDir} keeps every completed epoch ({kept}); summary.json and report.html were not written. Continue with: {_resume}";
    }

    public void Dispose() => _registration.Dispose();
}

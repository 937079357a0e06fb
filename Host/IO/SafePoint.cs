namespace Qtl.IO;

/// <summary>
/// Where a stop asked for by a signal may end the process: not inside a result file's write (<see cref="AtomicFile"/>)
/// nor inside a group of files that belong together (a run's summary and report). <see cref="Stop"/> waits for what
/// is inside to finish; from then on nothing new starts, so what the process leaves is what it had finished.
/// </summary>
public sealed class SafePoint
{
    private readonly object _gate = new();
    private int _inside;
    private bool _stopping;

    /// <summary>The process's one: every atomic write enters it, and a signal stops it.</summary>
    public static SafePoint Process { get; } = new();

    /// <summary>
    /// Enters a stretch that must finish or not start; dispose to leave it. After <see cref="Stop"/> it does not return
    /// (the process is ending), except inside a stretch already entered: a report's files join the report.
    /// </summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            while (_stopping && _inside == 0) Monitor.Wait(_gate);
            _inside++;
        }
        return new Stretch(this);
    }

    /// <summary>Asks for a stop; returns once nothing is inside. Nothing enters afterwards.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            while (_inside > 0) Monitor.Wait(_gate);
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _inside--;
            Monitor.PulseAll(_gate);
        }
    }

    private sealed class Stretch(SafePoint point) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) point.Leave();
        }
    }
}

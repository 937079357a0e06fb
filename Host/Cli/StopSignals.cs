using System.Runtime.InteropServices;
using Qtl.IO;

namespace Qtl.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (what <c>timeout</c>, <c>docker stop</c>, Kubernetes and Slurm preemption send) end every
/// verb alike: at a safe point (<see cref="SafePoint"/>: no file half-written, a run's summary and report both or
/// neither), then the running verb's notice on stderr (what it kept, the command that continues it), then exit
/// 128 + the signal's number (130, 143), as a shell reports a process the signal ended. A second signal ends the
/// process at once.
/// </summary>
internal static class StopSignals
{
    private static readonly object Gate = new();
    private static Func<string>? _notice;
    private static int _stopping;

    /// <summary>Handles both signals until disposed (<see cref="CommandLine.Run"/>: for the whole invocation).</summary>
    public static IDisposable Install() => new Registrations(
        [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)]);

    /// <summary>While the result lives, a stop prints <paramref name="notice"/>(), read once the safe point is reached.</summary>
    public static IDisposable Notice(Func<string> notice)
    {
        lock (Gate) _notice = notice;
        return new Registrations([]) { OnDispose = () => { lock (Gate) if (_notice == notice) _notice = null; } };
    }

    /// <summary>
    /// Does not return once a signal asked for a stop: the stop ends the process with its own code and notice, so the
    /// verb's result (or an error from what the stop shut down) must not race it.
    /// </summary>
    public static void WaitIfStopping()
    {
        if (Volatile.Read(ref _stopping) == 1) Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>The exit code of a process a signal ended (128 + its number on Linux and macOS alike).</summary>
    public static int ExitCode(PosixSignal signal) => 128 + (signal == PosixSignal.SIGTERM ? 15 : 2);

    private static void Handle(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1) return; // the second: the system's default, at once
        context.Cancel = true;
        PosixSignal signal = context.Signal;
        // Waiting happens off the signal's thread, so a second signal is still heard.
        new Thread(() =>
        {
            SafePoint.Process.Stop();
            string text;
            lock (Gate) text = _notice?.Invoke() ?? "no result was being written";
            Console.Out.Flush();
            Console.Error.WriteLine($"interrupted: {text} (stopped by {signal}, exit {ExitCode(signal)})");
            Environment.Exit(ExitCode(signal));
        }) { IsBackground = true, Name = "stop on signal" }.Start();
    }

    private sealed class Registrations(IReadOnlyList<IDisposable> parts) : IDisposable
    {
        public Action? OnDispose { get; init; }

        public void Dispose()
        {
            foreach (var p in parts) p.Dispose();
            OnDispose?.Invoke();
        }
    }
}

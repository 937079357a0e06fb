using System.Diagnostics;
using Qtl.Cli;

namespace Qtl.Tests.Cli;

/// <summary>The built qtl console started as its own process, as a user runs it, with its output redirected.</summary>
internal static class QtlProcess
{
    /// <param name="environment">Edits the child's environment before it starts.</param>
    public static Process Start(IEnumerable<string> args, Action<IDictionary<string, string?>>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CommandLine).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        environment?.Invoke(start.Environment);
        return Process.Start(start)!;
    }
}

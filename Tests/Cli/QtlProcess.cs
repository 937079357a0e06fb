using System.Diagnostics;
using Qtl.Cli;

namespace Qtl.Tests.Cli;

/// <summary>The built qtl console started as its own process, as a user runs it, with its output redirected.</summary>
internal static class QtlProcess
{
    /// <param name="environment">Edits the child's environment before it starts.</param>
    /// <param name="fileSizeLimitKiB">
    /// Starts the child through bash with <c>ulimit -f</c> and SIGXFSZ ignored, so a write past the limit fails
    /// with EFBIG ("File too large") as a full disk fails with ENOSPC, without mounting anything.
    /// </param>
    public static Process Start(IEnumerable<string> args, Action<IDictionary<string, string?>>? environment = null, int? fileSizeLimitKiB = null)
    {
        // SIGINT as a terminal user has it: a test runner started in the background (a CI script, `cmd &`) inherits
        // SIGINT ignored, children keep that, and .NET then never sees Ctrl+C. GNU env resets it to the default.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(fileSizeLimitKiB is null ? "dotnet" : "bash");
        if (fileSizeLimitKiB is { } limit)
            foreach (var a in new[] { "-c", $"trap '' XFSZ; ulimit -f {limit}; exec dotnet \"$@\"", "qtl" }) start.ArgumentList.Add(a);
        start.ArgumentList.Add(typeof(CommandLine).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        environment?.Invoke(start.Environment);
        return Process.Start(start)!;
    }

    /// <summary>Waits (at most 3 minutes) until <paramref name="path"/> exists; fails if qtl exits first, with its stderr.</summary>
    public static void WaitForFile(Process process, Task<string> stderr, string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(path))
        {
            if (process.HasExited)
                Assert.Fail($"qtl exited ({process.ExitCode}) before {Path.GetFileName(path)} appeared: {stderr.Result}");
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"no {Path.GetFileName(path)} after 3 minutes");
            Thread.Sleep(5);
        }
    }

    /// <summary>Runs qtl to the end (at most 5 minutes) and returns its exit code and output.</summary>
    public static (int Code, string Output, string Error) Run(IEnumerable<string> args,
        Action<IDictionary<string, string?>>? environment = null, int? fileSizeLimitKiB = null)
    {
        using var process = Start(args, environment, fileSizeLimitKiB);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"qtl {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}

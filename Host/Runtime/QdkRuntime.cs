using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Qtl.Runtime;

/// <summary>
/// The one client of the Node.js process that hosts the QDK: a long-lived child process spoken to in
/// line-delimited JSON. The composition root (a CLI verb, a test fixture, a notebook) creates it and passes it to
/// what needs it. The process starts on first use, not on construction, and is reused; if it dies, it is
/// restarted and the request in flight is retried once; a second failure is an error.
/// </summary>
public sealed partial class QdkRuntime : IDisposable
{
    private readonly object _gate = new();
    private readonly EventHandler _onProcessExit;
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private long _nextId;
    private bool _disposed;

    public QdkRuntime(RuntimeLocation location)
    {
        Location = location;
        _onProcessExit = (_, _) => Dispose();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>A client of the runtime in this source tree's QuantumKernels folder (see <see cref="RuntimeLocation.Default"/>).</summary>
    public QdkRuntime() : this(RuntimeLocation.Default()) { }

    public RuntimeLocation Location { get; }

    /// <summary>How many times the process was (re)started.</summary>
    public int Starts { get; private set; }

    /// <summary>
    /// Called with the process id once a request is written and before its response is read: lets a test kill the
    /// process while it is certainly working on a request, with no timer to race.
    /// </summary>
    internal Action<int>? RequestWritten { get; set; }

    /// <summary>Sends one request; <paramref name="writeArguments"/> writes the request's other properties.</summary>
    internal JsonElement Request(string op, Action<Utf8JsonWriter>? writeArguments = null)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return Exchange(op, writeArguments);
            }
            catch (ProcessDiedException)
            {
                Stop();
                try
                {
                    return Exchange(op, writeArguments);
                }
                catch (ProcessDiedException second)
                {
                    Stop();
                    throw new RuntimeException(RuntimeErrorKind.Process,
                        $"the runtime process died twice while handling '{op}' ({second.Message}). Its last output: {LastStderr()}");
                }
            }
        }
    }

    /// <summary>Information about the runtime: QDK version, Node version, loaded Q# files.</summary>
    public JsonElement Describe() => Request("hello");

    private JsonElement Exchange(string op, Action<Utf8JsonWriter>? writeArguments)
    {
        Process process = EnsureStarted();
        long id = ++_nextId;
        try
        {
            using (var writer = new Utf8JsonWriter(process.StandardInput.BaseStream))
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", id);
                writer.WriteString("op", op);
                writeArguments?.Invoke(writer);
                writer.WriteEndObject();
            }
            process.StandardInput.BaseStream.WriteByte((byte)'\n');
            process.StandardInput.BaseStream.Flush();
        }
        catch (IOException e)
        {
            throw new ProcessDiedException($"writing the request failed: {e.Message}");
        }
        RequestWritten?.Invoke(process.Id);

        string? line = process.StandardOutput.ReadLine();
        if (line is null)
        {
            process.WaitForExit(2000);
            throw new ProcessDiedException(process.HasExited ? $"exit code {process.ExitCode}" : "its output closed");
        }
        using var response = JsonDocument.Parse(line);
        JsonElement root = response.RootElement;
        if (root.GetProperty("id").ValueKind != JsonValueKind.Number || root.GetProperty("id").GetInt64() != id)
            throw new RuntimeException(RuntimeErrorKind.Process, $"response out of order: {Truncate(line)}");
        if (root.GetProperty("ok").GetBoolean())
            return root.GetProperty("result").Clone();
        throw ToException(root.GetProperty("error"));
    }

    private Process EnsureStarted()
    {
        if (_process is { HasExited: false })
            return _process;
        Location.Validate();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("QTL_NODE") ?? "node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            WorkingDirectory = Location.RuntimeDir,
        };
        start.ArgumentList.Add("--max-old-space-size=8192");
        start.ArgumentList.Add(Location.WorkerScript);
        start.ArgumentList.Add(Location.ProjectDir);
        lock (_stderr) _stderr.Clear();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new RuntimeException(RuntimeErrorKind.Process, "node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RuntimeException(RuntimeErrorKind.Process, $"cannot start Node.js ('{start.FileName}'): {e.Message}. Install Node.js ≥ 20 or set QTL_NODE.");
        }
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                if (_stderr.Length > 8000) _stderr.Remove(0, 4000);
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        ThrowIfCompileFailed(Exchange("hello", null));
        return process;
    }

    private static void ThrowIfCompileFailed(JsonElement hello)
    {
        if (hello.TryGetProperty("compileError", out var error) && error.ValueKind == JsonValueKind.Object)
            throw ToException(error);
    }

    private static RuntimeException ToException(JsonElement error)
    {
        string? Str(string name) => error.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string name) => error.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        var kind = Str("kind") switch
        {
            "compile" => RuntimeErrorKind.Compile,
            "estimate" => RuntimeErrorKind.Estimate,
            "request" => RuntimeErrorKind.Request,
            "process" => RuntimeErrorKind.Process,
            _ => RuntimeErrorKind.Runtime,
        };
        return new RuntimeException(kind, Str("message") ?? error.ToString(), Str("file"), Int("line"), Int("column"));
    }

    private string LastStderr()
    {
        lock (_stderr) return _stderr.Length == 0 ? "(none)" : Truncate(_stderr.ToString());
    }

    private static string Truncate(string s) => s.Length <= 600 ? s.Trim() : s[..600].Trim() + "…";

    private void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
            Stop();
        }
    }

    private sealed class ProcessDiedException(string message) : Exception(message);
}

using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Qtl.Notebooks;

/// <summary>What to run a notebook with: parameter overrides (name → C# expression), applied after the parameters cell.</summary>
public sealed record NotebookRunOptions
{
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}

/// <summary>What one code cell did: its outputs, the value of its trailing expression, and how long it took.</summary>
public sealed record CellResult(int Number, int ExecutionCount, IReadOnlyList<NotebookOutput> Outputs, object? ReturnValue, TimeSpan Elapsed);

/// <summary>The cell that stopped a notebook (1-based among all cells) and why; compile errors carry cell-relative line numbers.</summary>
public sealed class NotebookCellException(int cellNumber, string detail, Exception? inner = null)
    : Exception($"cell {cellNumber} failed: {detail}", inner)
{
    public int CellNumber { get; } = cellNumber;
    public string Detail { get; } = detail;
}

/// <summary>An executed notebook: the copy with outputs, every cell that ran, and the error that stopped it, if any.</summary>
public sealed record NotebookRunResult(Ipynb Executed, IReadOnlyList<CellResult> Cells, NotebookCellException? Error, TimeSpan Elapsed)
{
    public bool Succeeded => Error is null;

    public NotebookRunResult EnsureSuccess() => Error is null ? this : throw Error;
}

/// <summary>
/// Runs the C# cells of a .NET Interactive notebook in order with shared state, as the .NET Interactive C# kernel
/// does (Roslyn scripting: <c>CSharpScript.RunAsync</c>, then <c>ContinueWithAsync</c> per cell). The Host library
/// and its dependencies are referenced; <c>#r</c> lines naming the Host assembly (qtl.dll) map to the loaded one, other
/// <c>#r "path"</c> lines resolve relative to the notebook, and <c>#!</c> magic commands are ignored. Console output is
/// captured per cell; a trailing expression becomes the cell's result (SVG as image/svg+xml). The run stops at the
/// first failing cell, naming it.
/// </summary>
public static partial class NotebookRunner
{
    /// <summary>Namespaces imported for every cell, as the .NET Interactive C# kernel does.</summary>
    public static readonly string[] DefaultImports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks",
    ];

    public const string HostAssemblyFile = "qtl.dll";

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(BuildReferences);
    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);

    public static NotebookRunResult Run(string path, NotebookRunOptions? options = null) =>
        RunAsync(Ipynb.Load(path), options).GetAwaiter().GetResult();

    public static async Task<NotebookRunResult> RunAsync(Ipynb notebook, NotebookRunOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new NotebookRunOptions();
        var total = Stopwatch.StartNew();
        string baseDir = notebook.Path is null ? Directory.GetCurrentDirectory() : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(notebook.Path))!;
        var scriptOptions = ScriptOptions.Default
            .WithReferences(References.Value)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDir).WithSearchPaths(baseDir))
            .WithSourceResolver(new SourceFileResolver([], baseDir))
            .WithEmitDebugInformation(false);

        var sink = new CellOutputSink();
        var globals = new NotebookGlobals(sink);
        var executed = (JsonObject)notebook.Root.DeepClone();
        var executedCells = (JsonArray)executed["cells"]!;
        var results = new List<CellResult>();
        ScriptState<object>? state = null;
        int executionCount = 0;
        int inserted = 0;
        bool parametersSeen = false;
        NotebookCellException? error = null;

        foreach (var cell in notebook.Cells)
        {
            if (!cell.IsCode) continue;
            var json = (JsonObject)executedCells[cell.Number - 1 + inserted]!;
            string code;
            try { code = Preprocess(cell.Source, cell.Number); }
            catch (NotebookCellException e) { error = e; break; }
            var (_, failure) = await RunCellAsync(cell.Number, code, json, ++executionCount);
            if (failure is not null) { error = failure; break; }

            if (cell.IsParameters && !parametersSeen && options.Parameters.Count > 0)
            {
                parametersSeen = true;
                string injected = "// injected parameters\n" + string.Join("\n", options.Parameters.Select(p => $"{p.Key} = {p.Value};"));
                var injectedJson = new JsonObject
                {
                    ["cell_type"] = "code",
                    ["execution_count"] = null,
                    ["metadata"] = new JsonObject
                    {
                        ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                        ["tags"] = new JsonArray("injected-parameters"),
                    },
                    ["outputs"] = new JsonArray(),
                    ["source"] = Ipynb.Lines(injected),
                };
                executedCells.Insert(cell.Number + inserted, injectedJson);
                inserted++;
                (_, failure) = await RunCellAsync(cell.Number, injected, injectedJson, ++executionCount, "the injected parameters after it");
                if (failure is not null) { error = failure; break; }
            }
        }
        if (error is null && options.Parameters.Count > 0 && !parametersSeen)
            error = new NotebookCellException(0, "parameters were given but the notebook has no parameters cell (a code cell starting with '// parameters' or tagged 'parameters').");

        return new NotebookRunResult(Ipynb.Parse(executed.ToJsonString(), notebook.Path), results, error, total.Elapsed);

        async Task<(CellResult?, NotebookCellException?)> RunCellAsync(int number, string code, JsonObject json, int count, string? what = null)
        {
            var watch = Stopwatch.StartNew();
            NotebookCellException? failure = null;
            object? value = null;
            await ConsoleGate.WaitAsync(cancel);
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            try
            {
                Console.SetOut(sink.Out);
                Console.SetError(sink.Error);
                state = state is null
                    ? await CSharpScript.RunAsync(code, scriptOptions, globals, typeof(NotebookGlobals), cancel)
                    : await state.ContinueWithAsync(code, scriptOptions, cancel);
                value = state.ReturnValue;
                if (value is not null) sink.Display(value, isResult: true);
            }
            catch (CompilationErrorException e)
            {
                var lines = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
                {
                    var span = d.Location.GetLineSpan().StartLinePosition;
                    return $"({span.Line + 1},{span.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
                }).ToList();
                string detail = (what is null ? "" : $"in {what}: ") + string.Join("\n", lines);
                failure = new NotebookCellException(number, detail, e);
                sink.Add(new ErrorOutput("CompilationError", detail, lines));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                var inner = Unwrap(e);
                string detail = (what is null ? "" : $"in {what}: ") + $"{inner.GetType().FullName}: {inner.Message}";
                failure = new NotebookCellException(number, detail, inner);
                sink.Add(new ErrorOutput(inner.GetType().FullName ?? inner.GetType().Name, inner.Message,
                    (inner.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray()));
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
                ConsoleGate.Release();
            }
            var outputs = sink.Take();
            json["execution_count"] = count;
            json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode?)o.ToJson(count)).ToArray());
            var result = new CellResult(number, count, outputs, value, watch.Elapsed);
            if (failure is null) results.Add(result);
            return (result, failure);
        }
    }

    /// <summary>
    /// What the kernel would do before compiling: <c>#r</c> of the Host assembly is already satisfied (the line is
    /// blanked so line numbers stay those of the cell), <c>#r "nuget: X"</c> is allowed only for a package already
    /// loaded, <c>#!</c> magic commands are dropped.
    /// </summary>
    public static string Preprocess(string source, int cellNumber)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string t = lines[i].Trim();
            if (t.StartsWith("#!", StringComparison.Ordinal)) { lines[i] = ""; continue; }
            var m = ReferenceLine().Match(t);
            if (!m.Success) continue;
            string target = m.Groups[1].Value.Trim();
            if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                string package = target[6..].Split(',')[0].Trim();
                if (References.Value.Any(r => string.Equals(System.IO.Path.GetFileNameWithoutExtension(r.Display), package, StringComparison.OrdinalIgnoreCase)))
                    lines[i] = "";
                else
                    throw new NotebookCellException(cellNumber, $"line {i + 1}: #r \"{target}\": NuGet packages cannot be fetched by the runner; only the Host's own dependencies are available.");
            }
            else if (System.IO.Path.GetFileName(target.Replace('\\', '/')).Equals(HostAssemblyFile, StringComparison.OrdinalIgnoreCase))
            {
                lines[i] = "";
            }
        }
        return string.Join("\n", lines);
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            if (e is TargetInvocationException { InnerException: { } t }) e = t;
            else if (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerExceptions[0];
            else return e;
        }
    }

    /// <summary>The Host assembly, everything it references (transitively), and the core framework assemblies.</summary>
    private static IReadOnlyList<MetadataReference> BuildReferences()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<Assembly>([typeof(NotebookRunner).Assembly, typeof(object).Assembly, typeof(Enumerable).Assembly,
            typeof(Console).Assembly, typeof(List<>).Assembly, typeof(JsonNode).Assembly, typeof(Regex).Assembly,
            typeof(System.Collections.Concurrent.ConcurrentDictionary<,>).Assembly, typeof(System.Dynamic.DynamicObject).Assembly]);
        foreach (string name in new[] { "System.Runtime", "netstandard", "System.Collections", "System.Linq.Expressions", "System.Threading.Tasks", "Microsoft.CSharp" })
        {
            try { queue.Enqueue(Assembly.Load(name)); } catch (IOException) { }
        }
        while (queue.Count > 0)
        {
            var a = queue.Dequeue();
            if (a.IsDynamic || string.IsNullOrEmpty(a.Location) || !seen.TryAdd(a.GetName().Name!, a)) continue;
            foreach (var r in a.GetReferencedAssemblies())
            {
                if (seen.ContainsKey(r.Name!)) continue;
                try { queue.Enqueue(Assembly.Load(r)); }
                catch (Exception e) when (e is IOException or BadImageFormatException) { }
            }
        }
        return seen.Values.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToList();
    }

    [GeneratedRegex(@"^#r\s+""([^""]*)""\s*$")]
    private static partial Regex ReferenceLine();
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Qtl.Notebooks;

/// <summary>
/// Runs a .NET Interactive notebook headless on the real C# kernel (<see cref="CSharpKernel"/> in a
/// <see cref="CompositeKernel"/>, as Polyglot Notebooks sets it up): one <see cref="SubmitCode"/> per code cell, in
/// order, the kernel's events written back as the cell's outputs. Two things differ from an editor, both on purpose:
/// the notebook's reference to the Host (<c>#load "qtl.csx"</c>, or <c>#r</c> of a qtl.dll) is pointed at the Host
/// assembly running this code, so a notebook never mixes two builds; and parameter overrides run as an injected cell
/// after the parameters cell (papermill's convention). The run stops at the first failing cell, naming it.
/// </summary>
public static partial class NotebookRunner
{
    /// <summary>Runs <paramref name="notebook"/> (modified in place: outputs, execution counts, the injected cell)
    /// with <paramref name="directory"/> as the working directory, as an editor runs a notebook in its folder.</summary>
    public static async Task<NotebookRunResult> RunAsync(InteractiveDocument notebook, string directory, NotebookRunOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new NotebookRunOptions();
        var total = Stopwatch.StartNew();
        var cells = new List<CellResult>();
        string previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(directory);
        try
        {
            using var kernel = CreateKernel();
            int executionCount = 0;
            bool injected = false;
            for (int i = 0; i < notebook.Elements.Count; i++)
            {
                var cell = notebook.Elements[i];
                if (!NotebookFile.IsCode(cell)) continue;
                var failure = await RunCellAsync(kernel, cell, i + 1, ++executionCount, null, cells, cancel);
                if (failure is not null) return new NotebookRunResult(notebook, cells, failure, total.Elapsed);
                if (injected || options.Parameters.Count == 0 || !NotebookFile.IsParameters(cell)) continue;

                injected = true;
                var overrides = InjectedParameters(options.Parameters);
                notebook.Elements.Insert(++i, overrides);
                failure = await RunCellAsync(kernel, overrides, i, ++executionCount, "the injected parameters after it", cells, cancel);
                if (failure is not null) return new NotebookRunResult(notebook, cells, failure, total.Elapsed);
            }
            var missing = options.Parameters.Count > 0 && !injected
                ? new NotebookCellException(0, "parameters were given but the notebook has no parameters cell (a code cell whose first line is '// parameters').")
                : null;
            return new NotebookRunResult(notebook, cells, missing, total.Elapsed);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    /// <summary>The kernel Polyglot Notebooks gives a C# notebook: helpers (<c>display</c>, <c>HTML</c>), value sharing,
    /// and <c>#r "nuget:…"</c>, whose restored assemblies are added to the C# kernel.</summary>
    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseValueSharing()
            .UseNugetDirective((k, packages) =>
            {
                k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            });
        return new CompositeKernel { csharp };
    }

    /// <summary>Runs one cell; <paramref name="number"/> is the cell named in an error (for the injected cell, the
    /// parameters cell before it).</summary>
    private static async Task<NotebookCellException?> RunCellAsync(Kernel kernel, InteractiveDocumentElement cell, int number,
        int executionCount, string? what, List<CellResult> cells, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var result = await kernel.SendAsync(new SubmitCode(WithHostReference(cell.Contents), cell.KernelName ?? NotebookFile.CSharp), cancel);
        cell.ExecutionOrder = executionCount;
        cell.Outputs.Clear();
        cell.Outputs.AddRange(CellOutputs.From(result.Events, executionCount));
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            return new NotebookCellException(number, (what is null ? "" : $"in {what}: ") + CellOutputs.Detail(failed), failed.Exception);
        cells.Add(new CellResult(number, cell.Outputs, watch.Elapsed));
        return null;
    }

    private static InteractiveDocumentElement InjectedParameters(IReadOnlyDictionary<string, string> parameters) =>
        new("// injected parameters\n" + string.Join("\n", parameters.Select(p => $"{p.Key} = {p.Value};")), NotebookFile.CSharp)
        {
            Metadata = new Dictionary<string, object> { ["tags"] = new object[] { "injected-parameters" } },
        };

    /// <summary>Points the notebook's Host reference at the running Host assembly; the line count stays the same, so
    /// compiler positions are still those of the cell.</summary>
    public static string WithHostReference(string code) =>
        HostReference().Replace(code, $"#r \"{typeof(NotebookRunner).Assembly.Location}\"");

    [GeneratedRegex("""^[ \t]*(#load[ \t]+"[^"\n]*qtl\.csx"|#r[ \t]+"[^"\n]*qtl\.dll")[ \t]*$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex HostReference();
}

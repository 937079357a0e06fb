using System.CommandLine;
using Qtl.Notebooks;

namespace Qtl.Cli;

/// <summary>
/// <c>notebook run X.ipynb --out Y.ipynb</c>: runs every code cell of a .NET Interactive notebook on the .NET Interactive
/// C# kernel, with the Host library, and writes an executed copy with outputs. Stops at the first failing cell; the copy
/// is still written, with the error as that cell's output.
/// </summary>
public static class NotebookCommand
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb file to run." };
        var output = new Option<string>("--out") { Description = "Where to write the executed copy (default: overwrite nothing, print a summary only)." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a variable of the parameters cell: name=C# expression (repeatable), e.g. --set epochs=2.",
            AllowMultipleArgumentsPerToken = false,
        };
        var test = new Option<bool>("--test-parameters") { Description = "Use the notebook's small test settings (metadata.qtl.test_parameters)." };
        var run = new Command("run", "Run every code cell in order and write an executed copy with outputs.") { notebook, output, set, test };
        run.SetAction((r, cancel) => Run(r.GetValue(notebook)!, r.GetValue(output), r.GetValue(set) ?? [], r.GetValue(test), cancel));
        return new Command("notebook", "Run the .NET Interactive (C#) notebooks in Notebooks/ without an editor.") { run };
    }

    private static async Task<int> Run(string path, string? outPath, string[] sets, bool testParameters, CancellationToken cancel)
    {
        if (!File.Exists(path)) throw new UserError($"notebook '{path}' not found.");
        var nb = NotebookFile.Read(path);
        var parameters = new Dictionary<string, string>(testParameters ? NotebookFile.TestParameters(nb) : new Dictionary<string, string>());
        foreach (string s in sets)
        {
            int eq = s.IndexOf('=');
            if (eq <= 0) throw new UserError($"--set {s}: expected name=value, e.g. --set epochs=2.");
            parameters[s[..eq].Trim()] = s[(eq + 1)..].Trim();
        }
        var result = await NotebookRunner.RunAsync(nb, Path.GetDirectoryName(Path.GetFullPath(path))!, new NotebookRunOptions { Parameters = parameters }, cancel);
        if (outPath is not null) NotebookFile.Write(result.Executed, outPath);
        foreach (var cell in result.Cells)
            Console.WriteLine($"cell {cell.Number,3}: ok ({cell.Elapsed.TotalSeconds:F1} s, {cell.Outputs.Count} outputs)");
        if (result.Error is { } e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        Console.WriteLine($"{Path.GetFileName(path)}: {result.Cells.Count} code cells ran in {result.Elapsed.TotalSeconds:F1} s" +
            (outPath is null ? "." : $"; executed copy: {outPath}"));
        return 0;
    }
}

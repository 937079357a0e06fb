using System.Text.Json.Nodes;
using Qtl.Data;
using Qtl.Notebooks;

namespace Qtl.Tests.Notebooks;

/// <summary>Every notebook under Notebooks/ runs, on the small settings in its metadata, so a broken notebook fails CI.</summary>
[NonParallelizable]
public class NotebookTests
{
    public static IEnumerable<TestCaseData> Notebooks() =>
        Directory.GetFiles(Path.Combine(FashionMnist.RepoRoot(), "Notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetArgDisplayNames(Path.GetFileName(p)));

    [Test]
    public void ThereAreNotebooks() => Assert.That(Notebooks().Count(), Is.GreaterThanOrEqualTo(2));

    [TestCaseSource(nameof(Notebooks))]
    public async Task TheNotebookRunsOnItsTestSettings(string path)
    {
        var notebook = Ipynb.Load(path);
        Assert.That(notebook.Root["metadata"]?["kernelspec"]?["name"]?.GetValue<string>(), Is.EqualTo(".net-csharp"), "a .NET Interactive C# notebook");
        Assert.That(notebook.TestParameters, Is.Not.Empty, "metadata.qtl.test_parameters: small settings for tests");
        Assert.That(notebook.Cells.Count(c => c.IsParameters), Is.EqualTo(1), "one parameters cell");
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
            Assert.That(cell.Json["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>(), Is.EqualTo("csharp"), $"cell {cell.Number} language");

        var result = await NotebookRunner.RunAsync(notebook, new NotebookRunOptions { Parameters = notebook.TestParameters });

        Assert.That(result.Error, Is.Null, () => result.Error!.Message);
        Assert.That(result.Cells, Has.Count.EqualTo(notebook.Cells.Count(c => c.IsCode) + 1), "every code cell and the injected parameters ran");
        var outputs = result.Executed.Cells.Where(c => c.IsCode).SelectMany(c => c.Json["outputs"]!.AsArray()).ToList();
        Assert.That(outputs.Count(o => o!["output_type"]!.GetValue<string>() == "error"), Is.Zero);
        Assert.That(outputs.Count(o => o!["data"]?["image/svg+xml"] is not null), Is.GreaterThan(0), "at least one figure");
        TestContext.Out.WriteLine($"{Path.GetFileName(path)}: {result.Elapsed.TotalSeconds:F1} s");
    }

    [Test]
    public async Task ACompileErrorStopsTheRunWithTheCellNumberAndTheLineInThatCell()
    {
        var result = await RunTemp(
            Markdown("# broken"),
            Code("int x = 1;"),
            Markdown("text"),
            Code("Console.WriteLine(x);\nint y = x +;"),
            Code("Console.WriteLine(\"never\");"));

        Assert.That(result.Error, Is.Not.Null);
        Assert.That(result.Error!.CellNumber, Is.EqualTo(4));
        Assert.That(result.Error.Message, Does.StartWith("cell 4 failed: (2,"));
        Assert.That(result.Error.Message, Does.Contain("error CS"));
        var cells = result.Executed.Cells;
        Assert.That(cells[3].Json["outputs"]![0]!["output_type"]!.GetValue<string>(), Is.EqualTo("error"));
        Assert.That(cells[4].Json["outputs"]!.AsArray(), Is.Empty, "cells after the failure do not run");
    }

    [Test]
    public async Task AnExceptionStopsTheRunWithTheCellNumber()
    {
        var result = await RunTemp(
            Code("var values = new List<int> { 1, 2 };"),
            Code("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");"),
            Code("values.Add(3);"));

        Assert.That(result.Error!.CellNumber, Is.EqualTo(2));
        Assert.That(result.Error.Message, Is.EqualTo("cell 2 failed: System.InvalidOperationException: boom"));
        var outputs = result.Executed.Cells[1].Json["outputs"]!.AsArray();
        Assert.That(outputs[0]!["text"]![0]!.GetValue<string>(), Is.EqualTo("before\n"), "output up to the failure is kept");
        Assert.That(outputs[1]!["ename"]!.GetValue<string>(), Is.EqualTo("System.InvalidOperationException"));
    }

    [Test]
    public async Task CellsShareStateMapTheHostReferenceAndShowSvgAndValues()
    {
        var result = await RunTemp(
            Code("// parameters\nint n = 5;"),
            Code("#r \"../Host/bin/Debug/net10.0/qtl.dll\"\nusing Qtl.Notebooks;\nusing Qtl.Quantum;\nConsole.WriteLine($\"n={n}\");\nnew CircuitShape(n, 1).WeightCount"),
            Code("display(new Svg(\"<svg xmlns='http://www.w3.org/2000/svg'><rect width='1' height='1'/></svg>\"));\n\"<svg xmlns='http://www.w3.org/2000/svg'></svg>\""),
            Code("new[] { 1.5, 2.0 }"));

        Assert.That(result.Error, Is.Null, () => result.Error!.Message);
        var cells = result.Executed.Cells;
        Assert.That(cells[1].Json["metadata"]!["tags"]![0]!.GetValue<string>(), Is.EqualTo("injected-parameters"));
        var second = cells[2].Json["outputs"]!.AsArray();
        Assert.That(second[0]!["text"]![0]!.GetValue<string>(), Is.EqualTo("n=2\n"), "the parameter override applies");
        Assert.That(second[1]!["output_type"]!.GetValue<string>(), Is.EqualTo("execute_result"));
        Assert.That(second[1]!["data"]!["text/plain"]![0]!.GetValue<string>(), Is.EqualTo("2"));
        var third = cells[3].Json["outputs"]!.AsArray();
        Assert.That(third.Select(o => o!["output_type"]!.GetValue<string>()), Is.EqualTo(new[] { "display_data", "execute_result" }));
        Assert.That(third.All(o => o!["data"]!["image/svg+xml"] is not null));
        Assert.That(cells[4].Json["outputs"]![0]!["data"]!["text/plain"]![0]!.GetValue<string>(), Is.EqualTo("[1.5, 2]"));
        Assert.That(cells[4].Json["execution_count"]!.GetValue<int>(), Is.EqualTo(5));
    }

    [Test]
    public async Task AParameterTheNotebookDoesNotDeclareIsAnError()
    {
        var result = await RunTemp(new Dictionary<string, string> { ["missing"] = "1" }, Code("// parameters\nint n = 5;"));
        Assert.That(result.Error!.CellNumber, Is.EqualTo(1));
        Assert.That(result.Error.Message, Does.Contain("injected parameters").And.Contain("missing"));
    }

    private static Task<NotebookRunResult> RunTemp(params JsonObject[] cells) =>
        RunTemp(new Dictionary<string, string> { ["n"] = "2" }, cells);

    private static async Task<NotebookRunResult> RunTemp(Dictionary<string, string> parameters, params JsonObject[] cells)
    {
        string dir = Directory.CreateTempSubdirectory("qtl-nb-test").FullName;
        try
        {
            string path = Path.Combine(dir, "temp.ipynb");
            var root = new JsonObject
            {
                ["cells"] = new JsonArray(cells),
                ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
                ["nbformat"] = 4,
                ["nbformat_minor"] = 5,
            };
            File.WriteAllText(path, root.ToJsonString());
            bool hasParameters = cells.Any(c => c["source"]!.ToJsonString().Contains("// parameters"));
            return await NotebookRunner.RunAsync(Ipynb.Load(path),
                new NotebookRunOptions { Parameters = hasParameters ? parameters : new Dictionary<string, string>() });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = text };

    private static JsonObject Code(string text) => new()
    {
        ["cell_type"] = "code",
        ["metadata"] = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" } },
        ["outputs"] = new JsonArray(),
        ["source"] = Ipynb.Lines(text),
    };
}

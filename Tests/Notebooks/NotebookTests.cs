using Qtl.IO;
using Microsoft.DotNet.Interactive.Documents;
using Qtl.Notebooks;

namespace Qtl.Tests.Notebooks;

/// <summary>Every notebook under Notebooks/ runs on the .NET Interactive C# kernel, on the small settings in its metadata, so a broken notebook fails CI.</summary>
[Integration]
[NonParallelizable]
public class NotebookTests
{
    private static string NotebooksDir => Path.Combine(SourceTree.Root(), "Notebooks");

    public static IEnumerable<TestCaseData> Notebooks() =>
        Directory.GetFiles(NotebooksDir, "*.ipynb").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetArgDisplayNames(Path.GetFileName(p)));

    [Test]
    public void ThereAreNotebooks() => Assert.That(Notebooks().Count(), Is.GreaterThanOrEqualTo(5));

    [TestCaseSource(nameof(Notebooks))]
    public async Task TheNotebookRunsOnItsTestSettings(string path)
    {
        var notebook = NotebookFile.Read(path);
        var parameters = NotebookFile.TestParameters(notebook);
        Assert.That(parameters, Is.Not.Empty, "metadata.qtl.test_parameters: small settings for tests");
        Assert.That(notebook.Elements.Count(NotebookFile.IsParameters), Is.EqualTo(1), "one parameters cell");
        Assert.That(notebook.Elements.Where(NotebookFile.IsCode).Select(c => c.KernelName), Is.All.EqualTo(NotebookFile.CSharp));
        int codeCells = notebook.Elements.Count(NotebookFile.IsCode);

        var result = await NotebookRunner.RunAsync(notebook, NotebooksDir, new NotebookRunOptions { Parameters = parameters });

        Assert.That(result.Error, Is.Null, () => result.Error!.Message);
        Assert.That(result.Cells, Has.Count.EqualTo(codeCells + 1), "every code cell and the injected parameters ran");
        var outputs = result.Executed.Elements.SelectMany(c => c.Outputs).ToList();
        Assert.That(outputs.OfType<ErrorElement>(), Is.Empty);
        Assert.That(outputs.OfType<DisplayElement>().Count(d => d.Data.ContainsKey("image/svg+xml")), Is.GreaterThan(0), "at least one figure");
        TestContext.Out.WriteLine($"{Path.GetFileName(path)}: {result.Elapsed.TotalSeconds:F1} s");
    }

    [TestCaseSource(nameof(CommittedCopies))]
    public void TheCommittedExecutedCopyShowsItsFiguresWithoutRunning(string path)
    {
        var executed = NotebookFile.Read(path);
        var outputs = executed.Elements.SelectMany(c => c.Outputs).ToList();
        Assert.That(outputs.OfType<ErrorElement>(), Is.Empty, "an executed copy without errors");
        Assert.That(executed.Elements.Where(NotebookFile.IsCode).Select(c => c.ExecutionOrder), Is.All.GreaterThan(0), "every code cell ran");
        // A multi-line value reads back as Jupyter's list of lines.
        var svgs = outputs.OfType<DisplayElement>().Select(d => d.Data.TryGetValue("image/svg+xml", out var s) ? s : null).OfType<object>()
            .Select(s => s is object[] lines ? string.Concat(lines) : s.ToString()).ToList();
        Assert.That(svgs, Is.Not.Empty, "at least one inline SVG figure");
        Assert.That(svgs, Has.All.Contains("<svg"));
        Assert.That(svgs, Has.None.Contains("<script"), "figures are plain SVG: nothing to run to see them");
    }

    public static IEnumerable<TestCaseData> CommittedCopies() =>
        Directory.GetFiles(NotebooksDir, "*.ipynb").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(Path.Combine(SourceTree.Root(), "docs", "notebooks", Path.GetFileName(p)))
                .SetArgDisplayNames(Path.GetFileName(p)));

    [Test]
    public async Task ACompileErrorStopsTheRunWithTheCellNumberAndTheLineInThatCell()
    {
        var result = await Run(
            Markdown("# broken"),
            Code("int x = 1;"),
            Markdown("text"),
            Code("Console.WriteLine(x);\nint y = x +;"),
            Code("Console.WriteLine(\"never\");"));

        Assert.That(result.Error, Is.Not.Null);
        Assert.That(result.Error!.CellNumber, Is.EqualTo(4));
        Assert.That(result.Error.Message, Does.StartWith("cell 4 failed: (2,"));
        Assert.That(result.Error.Message, Does.Contain("error CS1525"));
        var cells = result.Executed.Elements;
        Assert.That(cells[3].Outputs.Single(), Is.InstanceOf<ErrorElement>());
        Assert.That(cells[4].Outputs, Is.Empty, "cells after the failure do not run");
        Assert.That(cells[4].ExecutionOrder, Is.Zero);
    }

    [Test]
    public async Task AnExceptionStopsTheRunWithTheCellNumber()
    {
        var result = await Run(
            Code("var values = new List<int> { 1, 2 };"),
            Code("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");"),
            Code("values.Add(3);"));

        Assert.That(result.Error!.CellNumber, Is.EqualTo(2));
        Assert.That(result.Error.Message, Is.EqualTo("cell 2 failed: System.InvalidOperationException: boom"));
        var outputs = result.Executed.Elements[1].Outputs;
        Assert.That(((TextElement)outputs[0]).Text, Is.EqualTo("before\n"), "output up to the failure is kept");
        Assert.That(((ErrorElement)outputs[1]).ErrorName, Is.EqualTo("System.InvalidOperationException"));
    }

    [Test]
    public async Task CellsShareStateReferenceTheRunningHostAndShowSvgAndValues()
    {
        var result = await Run(
            Code("// parameters\nint n = 5;"),
            Code("#load \"qtl.csx\"\nusing Qtl.Quantum;\nConsole.Write($\"n={n}\");\nConsole.WriteLine();\nnew CircuitShape(n, 1).WeightCount"),
            Code("typeof(Qtl.Notebooks.NotebookRunner).Assembly.Location"),
            Code("\"<svg xmlns='http://www.w3.org/2000/svg'><rect width='1' height='1'/></svg>\".DisplayAs(\"image/svg+xml\");"),
            Code("var shown = display(\"first\");\nshown.Update(\"second\");\nshown.Update(\"third\");"));

        Assert.That(result.Error, Is.Null, () => result.Error!.Message);
        var cells = result.Executed.Elements;
        Assert.That(cells[1].Metadata!["tags"], Is.EqualTo(new[] { "injected-parameters" }));
        var second = cells[2].Outputs;
        Assert.That(((TextElement)second[0]).Text, Is.EqualTo("n=2\n"), "the parameter override applies; writes to one stream merge");
        Assert.That(((ReturnValueElement)second[1]).Data["text/html"], Does.Contain(">2<"), "formatted by the kernel");
        Assert.That(((ReturnValueElement)cells[3].Outputs.Single()).Data["text/plain"], Is.EqualTo(typeof(NotebookRunner).Assembly.Location),
            "the notebook's Host reference is the Host running the notebook");
        Assert.That(((DisplayElement)cells[4].Outputs.Single()).Data["image/svg+xml"].ToString(), Does.StartWith("<svg"));
        var shown = cells[5].Outputs.Cast<DisplayElement>().Select(d => d.Data["text/plain"]).ToList();
        Assert.That(shown[^1], Is.EqualTo("third"));
        Assert.That(shown, Does.Not.Contain("second"), "an update replaces the display with its value id");
        Assert.That(cells[5].ExecutionOrder, Is.EqualTo(6), "the injected cell counts too");
    }

    [Test]
    public async Task AParameterTheNotebookDoesNotDeclareIsAnError()
    {
        var result = await Run(new Dictionary<string, string> { ["missing"] = "1" }, Code("// parameters\nint n = 5;"));
        Assert.That(result.Error!.CellNumber, Is.EqualTo(1));
        Assert.That(result.Error.Message, Does.Contain("injected parameters").And.Contain("missing"));
    }

    [Test]
    public async Task ParametersWithoutAParametersCellAreAnError()
    {
        var result = await Run(new Dictionary<string, string> { ["n"] = "1" }, Code("int n = 5;"));
        Assert.That(result.Error!.CellNumber, Is.Zero);
        Assert.That(result.Cells, Has.Count.EqualTo(1));
    }

    [Test]
    public void TheExecutedCopyIsAJupyterNotebookWithTheOutputs()
    {
        var notebook = new InteractiveDocument([Code("1 + 1")]);
        notebook.Elements[0].Outputs.Add(new DisplayElement(new Dictionary<string, object> { ["image/svg+xml"] = "<svg></svg>" }));
        string path = Path.Combine(Directory.CreateTempSubdirectory("qtl-nb-test").FullName, "out.ipynb");
        try
        {
            NotebookFile.Write(notebook, path);
            string json = File.ReadAllText(path);
            Assert.That(json, Does.Contain("\"nbformat\": 4").And.Contain("\"image/svg+xml\"").And.Contain("\"output_type\": \"display_data\""));
            Assert.That(json, Does.Not.Contain("\r\n"));
            Assert.That(NotebookFile.Read(path).Elements[0].Outputs, Has.Count.EqualTo(1));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private static Task<NotebookRunResult> Run(params InteractiveDocumentElement[] cells) =>
        Run(cells.Any(NotebookFile.IsParameters) ? new Dictionary<string, string> { ["n"] = "2" } : [], cells);

    private static Task<NotebookRunResult> Run(Dictionary<string, string> parameters, params InteractiveDocumentElement[] cells) =>
        NotebookRunner.RunAsync(new InteractiveDocument(cells.ToList()), NotebooksDir, new NotebookRunOptions { Parameters = parameters });

    private static InteractiveDocumentElement Markdown(string text) => new(text, "markdown");

    private static InteractiveDocumentElement Code(string text) => new(text, NotebookFile.CSharp);
}

using Qtl.IO;
using System.Text.RegularExpressions;
using Qtl.Notebooks;

namespace Qtl.Tests.Notebooks;

/// <summary>Every notebook starts from the library API (<see cref="QtlContext"/>) with at most three <c>using</c> lines.</summary>
public partial class NotebookStyleTests
{
    public static IEnumerable<TestCaseData> Notebooks() =>
        Directory.GetFiles(Path.Combine(SourceTree.Root(), "Notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetArgDisplayNames(Path.GetFileName(p)));

    [TestCaseSource(nameof(Notebooks))]
    public void TheNotebookUsesTheLibraryApiWithAtMostThreeUsings(string path)
    {
        string code = string.Join("\n", NotebookFile.Read(path).Elements.Where(NotebookFile.IsCode).Select(c => c.Contents));
        var usings = UsingDirective().Matches(code).Select(m => m.Groups[1].Value).ToList();
        Assert.That(usings, Has.Count.LessThanOrEqualTo(3), string.Join(", ", usings));
        Assert.That(usings, Has.Member("Qtl"));
        Assert.That(code, Does.Contain("new QtlContext()"));
    }

    [GeneratedRegex(@"^[ \t]*using[ \t]+([\w.]+)[ \t]*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();
}

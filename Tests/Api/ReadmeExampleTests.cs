using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using Qtl.IO;
using Qtl.Tests.Data;

namespace Qtl.Tests.Api;

/// <summary>
/// The C# example in README.md's Library section, compiled by Roslyn as the console program it says it is (with the
/// implicit usings of an SDK console project) against this build's qtl.dll, and run: it trains on the QDK.
/// </summary>
[Integration]
[NonParallelizable]
public partial class ReadmeExampleTests
{
    [Test]
    public void TheReadmeExampleCompilesAndRuns()
    {
        string example = Example(File.ReadAllText(Path.Combine(SourceTree.Root(), "README.md")));
        string dir = TestImages.TempDir("qtl-readme");
        try
        {
            string text = Run(Compile(example), dir);
            Assert.That(text, Does.Match(@"quantum: \d+\.\d % validation accuracy"));
            Assert.That(text, Does.Match(@"classical: \d+\.\d % validation accuracy"));
            Assert.That(text, Does.Contain("validation-0.png: "));
            Assert.That(text, Does.Contain("reopened: "));
            Assert.That(Path.Combine(dir, "runs", "readme", "report.html"), Does.Exist);
            Assert.That(Path.Combine(dir, "validation-0.png"), Does.Exist);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The one csharp block of a README section (Library by default).</summary>
    internal static string Example(string readme, string section = "Library")
    {
        int start = readme.IndexOf($"\n## {section}\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"README.md has a {section} section");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var blocks = CSharpBlock().Matches(readme[start..end]);
        Assert.That(blocks, Has.Count.EqualTo(1), $"one C# example in the {section} section");
        return blocks[0].Groups[1].Value;
    }

    /// <summary>Runs a compiled example in <paramref name="dir"/> (its working directory) and returns what it printed.</summary>
    internal static string Run(MethodInfo entry, string dir)
    {
        string previous = Directory.GetCurrentDirectory();
        var output = new StringWriter();
        var console = Console.Out;
        try
        {
            Directory.SetCurrentDirectory(dir);
            Console.SetOut(output);
            entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(console);
            Directory.SetCurrentDirectory(previous);
        }
        TestContext.Out.WriteLine(output.ToString());
        return output.ToString();
    }

    /// <summary>Compiles a README example as the console program it says it is and returns its entry point.</summary>
    internal static MethodInfo Compile(string program)
    {
        // What `dotnet new console` adds with ImplicitUsings.
        const string implicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
            "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(QtlContext).Assembly.Location).Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("ReadmeExample",
            [CSharpSyntaxTree.ParseText(implicitUsings, parse), CSharpSyntaxTree.ParseText(program, parse, "README.md")], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(problems, Is.Empty, () => string.Join("\n", problems));
        return Assembly.Load(image.ToArray()).EntryPoint!;
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

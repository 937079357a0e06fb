using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Qtl.IO;

namespace Qtl.Notebooks;

/// <summary>
/// Reading and writing .ipynb files with .NET Interactive's own document model, and the two conventions of ours
/// on top: the parameters cell and the small settings tests run with.
/// </summary>
public static class NotebookFile
{
    public const string CSharp = "csharp";

    /// <summary>The only kernel the notebooks use; cells without a kernel name are C#.</summary>
    public static KernelInfoCollection KernelInfos()
    {
        var infos = new KernelInfoCollection { new KernelInfo(CSharp, "C#", ["c#", "C#"]) };
        infos.DefaultKernelName = CSharp;
        return infos;
    }

    public static InteractiveDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Notebook.Read(stream, KernelInfos());
    }

    /// <summary>Writes nbformat 4 with \n line ends, whatever the platform, so committed copies do not churn.</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        using var buffer = new MemoryStream();
        Notebook.Write(document, buffer, KernelInfos());
        string text = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n");
        AtomicFile.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
    }

    public static bool IsCode(InteractiveDocumentElement cell) => cell.KernelName != "markdown";

    /// <summary>The papermill convention, as a C# comment: a code cell whose first line is <c>// parameters</c>.</summary>
    public static bool IsParameters(InteractiveDocumentElement cell) =>
        IsCode(cell) && cell.Contents.TrimStart().StartsWith("// parameters", StringComparison.Ordinal);

    /// <summary>Small settings for tests: metadata.qtl.test_parameters, name → C# expression.</summary>
    public static IReadOnlyDictionary<string, string> TestParameters(InteractiveDocument document) =>
        document.Metadata.TryGetValue("qtl", out var qtl) && qtl is IDictionary<string, object> q
        && q.TryGetValue("test_parameters", out var p) && p is IDictionary<string, object> parameters
            ? parameters.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "")
            : new Dictionary<string, string>();
}

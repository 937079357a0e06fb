using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qtl.Notebooks;

/// <summary>A cell of a notebook: its 1-based position among all cells, kind, source and metadata.</summary>
public sealed record NotebookCell(int Number, string Kind, string Source, JsonObject Json)
{
    public bool IsCode => Kind == "code";

    /// <summary>The papermill convention: tagged "parameters", or a code cell whose first line is <c>// parameters</c>.</summary>
    public bool IsParameters =>
        IsCode && (Json["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == "parameters")
                   || Source.TrimStart().StartsWith("// parameters", StringComparison.Ordinal));
}

/// <summary>
/// A Jupyter notebook (nbformat 4) as written by .NET Interactive / Polyglot Notebooks: read, inspected and
/// written back with outputs. Everything not touched (metadata, markdown) is kept as it was.
/// </summary>
public sealed class Ipynb
{
    private Ipynb(JsonObject root, string? path)
    {
        Root = root;
        Path = path;
        if (root["nbformat"]?.GetValue<int>() is not 4)
            throw new InvalidDataException($"{path ?? "notebook"}: nbformat is {root["nbformat"]?.ToJsonString() ?? "missing"}; only nbformat 4 is supported.");
        if (root["cells"] is not JsonArray cells)
            throw new InvalidDataException($"{path ?? "notebook"}: no \"cells\" array.");
        Cells = cells.Select((c, i) => c is JsonObject o
            ? new NotebookCell(i + 1, o["cell_type"]?.GetValue<string>() ?? "", SourceOf(o), o)
            : throw new InvalidDataException($"{path ?? "notebook"}: cell {i + 1} is not an object.")).ToList();
    }

    public JsonObject Root { get; }
    public string? Path { get; }
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>Small settings for tests: metadata.qtl.test_parameters, name → C# expression.</summary>
    public IReadOnlyDictionary<string, string> TestParameters =>
        Root["metadata"]?["qtl"]?["test_parameters"] is JsonObject p
            ? p.ToDictionary(kv => kv.Key, kv => kv.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : kv.Value!.ToJsonString())
            : new Dictionary<string, string>();

    public static Ipynb Load(string path) => Parse(File.ReadAllText(path), path);

    public static Ipynb Parse(string json, string? path = null) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{path ?? "notebook"}: not a JSON object."), path);

    /// <summary>Serialises the notebook as Jupyter does: one-space indent, a trailing newline.</summary>
    public string ToJson()
    {
        string text = Root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 1,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return text + "\n";
    }

    /// <summary>Jupyter's multi-line string: a list of lines, each but the last ending in \n.</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }

    private static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };
}

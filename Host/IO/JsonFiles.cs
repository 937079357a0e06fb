using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Qtl.IO;

/// <summary>
/// How the product writes JSON files: snake_case names (the files' one casing), indented, and text as written (UTF-8,
/// "Käfer" and "Linear(512→4)", not "K\u00E4fer"): the files are for people too. Every writer takes its options from
/// here, so a file's casing and escaping never depend on which feature wrote it.
/// </summary>
public static class JsonFiles
{
    /// <summary>
    /// The relaxed encoder escapes only what JSON needs (quotes, backslashes, control characters): these files are read
    /// as files, never pasted into HTML, where the default's escaping of every non-ASCII character would matter.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One object per line (*.metrics.jsonl).</summary>
    public static JsonSerializerOptions Lines { get; } = new(Options) { WriteIndented = false };

    /// <summary>A summary that leaves out what a run does not have (summary.json: no backbone for precomputed features).</summary>
    public static JsonSerializerOptions WithoutNulls { get; } = new(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qtl.IO;

/// <summary>
/// How the product writes JSON files: snake_case names (the files' one casing) and indented text. Every writer takes
/// its options from here, so a file's casing never depends on which feature wrote it.
/// </summary>
public static class JsonFiles
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>One object per line (*.metrics.jsonl).</summary>
    public static JsonSerializerOptions Lines { get; } = new(Options) { WriteIndented = false };

    /// <summary>A summary that leaves out what a run does not have (summary.json: no backbone for precomputed features).</summary>
    public static JsonSerializerOptions WithoutNulls { get; } = new(Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}

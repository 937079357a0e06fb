namespace Qtl.Model;

/// <summary>
/// The one mapping between <see cref="HeadKind"/> and its text: file names (quantum.checkpoint.json), summary.json keys,
/// checkpoints' "kind", the command line (--heads quantum,linear) and messages all use it, so existing run folders load.
/// </summary>
public static class HeadKinds
{
    public static IReadOnlyList<HeadKind> All { get; } = Enum.GetValues<HeadKind>();

    /// <summary>Every name, in declaration order: quantum, classical, linear.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToArray();

    public static string Name(this HeadKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Exact, lower-case names only, as the command line and the files have always spelt them.</summary>
    public static bool TryParse(string? text, out HeadKind kind)
    {
        int index = text is null ? -1 : Array.IndexOf((string[])Names, text);
        kind = index < 0 ? default : All[index];
        return index >= 0;
    }
}

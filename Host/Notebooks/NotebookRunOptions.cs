namespace Qtl.Notebooks;

/// <summary>What to run a notebook with: parameter overrides (name → C# expression), applied after the parameters cell.</summary>
public sealed record NotebookRunOptions
{
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}

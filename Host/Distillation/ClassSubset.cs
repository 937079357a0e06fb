namespace Qtl.Distillation;

/// <summary>
/// A class subset of the published FashionMNIST table (arXiv:2311.13810): 0-5 or 0-7, classes 0..C−1 with class c
/// the student's output c. The committed teachers exist for these two only.
/// </summary>
public sealed class ClassSubset
{
    private ClassSubset(int count)
    {
        Classes = Enumerable.Range(0, count).ToArray();
        Tag = $"0-{count - 1}";
    }

    public static readonly ClassSubset ZeroToFive = new(6);
    public static readonly ClassSubset ZeroToSeven = new(8);
    public static readonly IReadOnlyList<ClassSubset> All = [ZeroToFive, ZeroToSeven];

    /// <summary>"0-5" or "0-7", as in file names, tables and on the command line.</summary>
    public string Tag { get; }

    public IReadOnlyList<int> Classes { get; }

    /// <summary>The subset spelt <paramref name="tag"/>; any other tag is a user error.</summary>
    public static ClassSubset Parse(string tag) => TryParse(tag, out var subset) ? subset
        : throw new UserError($"classes {tag} are not a subset of the published table; allowed: {Tags}.");

    public static bool TryParse(string tag, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ClassSubset? subset) =>
        (subset = All.FirstOrDefault(s => s.Tag == tag)) is not null;

    /// <summary>The subset of exactly <paramref name="classes"/>, in order; any other list is a user error.</summary>
    public static ClassSubset Of(IReadOnlyList<int> classes) => All.FirstOrDefault(s => s.Classes.SequenceEqual(classes))
        ?? throw new UserError($"classes {string.Join(",", classes)} are not a subset of the published table; allowed: {Tags} (class c is output c).");

    private static string Tags => string.Join(", ", All.Select(s => s.Tag));

    public override string ToString() => Tag;
}

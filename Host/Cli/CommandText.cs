namespace Qtl.Cli;

/// <summary>Command lines as text a user can paste back into a shell.</summary>
internal static class CommandText
{
    /// <summary>How this source tree runs qtl.</summary>
    public const string Qtl = "dotnet run --project Host --";

    /// <summary>The arguments of this invocation (after the program).</summary>
    public static string[] Current => Environment.GetCommandLineArgs()[1..];

    public static string Join(IEnumerable<string> args) => string.Join(' ', args.Select(Quote));

    /// <summary>
    /// The command that continues the run in <paramref name="outDir"/>: <paramref name="args"/> with <c>--out</c>
    /// <paramref name="outDir"/> and <c>--resume</c> in place of any given.
    /// </summary>
    public static string Resume(IReadOnlyList<string> args, string outDir)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--resume" || args[i].StartsWith("--out=", StringComparison.Ordinal)) continue;
            if (args[i] == "--out") { i++; continue; }
            kept.Add(args[i]);
        }
        return $"{Qtl} {Join([.. kept, "--out", outDir, "--resume"])}";
    }

    /// <summary>The same command again.</summary>
    public static string Again(IReadOnlyList<string> args) => $"{Qtl} {Join(args)}";

    /// <summary>Double quotes where a shell would split or expand the argument; inside them \ " $ ` are escaped.</summary>
    private static string Quote(string a) =>
        a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || "'\"$`\\;&|<>()*?#~".Contains(c))
            ? "\"" + string.Concat(a.Select(c => "\\\"$`".Contains(c) ? $"\\{c}" : c.ToString())) + "\""
            : a;
}

namespace Qtl.Tests.Api;

/// <summary>What a run's report draws (report.html, report.md, every figure and its CSV), to delete and compare again.</summary>
internal static class RunFiles
{
    private static readonly string[] Patterns = ["report.html", "report.md", "*.svg", "*.csv"];

    /// <summary>The drawn files by name, report.html without its generation time (the one line that differs by design).</summary>
    public static Dictionary<string, string> Drawn(string folder) =>
        Patterns.SelectMany(p => Directory.GetFiles(folder, p)).ToDictionary(f => Path.GetFileName(f), f => WithoutTime(File.ReadAllText(f)));

    public static void DeleteDrawn(string folder)
    {
        foreach (var file in Patterns.SelectMany(p => Directory.GetFiles(folder, p))) File.Delete(file);
        Assert.That(Drawn(folder), Is.Empty);
    }

    public static void AssertRestored(string folder, Dictionary<string, string> original)
    {
        Assert.That(original.Keys, Has.Member("report.html"));
        var again = Drawn(folder);
        Assert.That(again.Keys, Is.EquivalentTo(original.Keys), "every file drawn again");
        foreach (var (name, text) in original)
            Assert.That(again[name], Is.EqualTo(text), $"{name} drawn again is the same");
    }

    private static string WithoutTime(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !line.StartsWith("<footer>Generated ", StringComparison.Ordinal)));
}

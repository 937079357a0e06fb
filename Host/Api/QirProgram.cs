using Qtl.Hardware;
using Qtl.IO;

namespace Qtl;

/// <summary>QIR (LLVM IR text) of one inference of a trained circuit, as the QDK generated it for a profile.</summary>
public sealed record QirProgram(string Profile, string Text)
{
    /// <summary>How many times each quantum instruction is called: h, ry, cx, m, …</summary>
    public IReadOnlyDictionary<string, int> Calls => QirExport.CountCalls(Text);

    /// <summary>The function definitions and attribute lines: the program's outline without its body.</summary>
    public string Outline => string.Join("\n", Text.Split('\n').Where(l => l.StartsWith("define", StringComparison.Ordinal) || l.StartsWith("attributes", StringComparison.Ordinal)));

    /// <summary>Writes the .ll file (atomically).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Text);
}

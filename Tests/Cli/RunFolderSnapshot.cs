using System.Security.Cryptography;

namespace Qtl.Tests.Cli;

/// <summary>Every file of a folder with a hash of its bytes: two snapshots are equal when nothing was changed, added or removed.</summary>
internal static class RunFolderSnapshot
{
    public static Dictionary<string, string> Take(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}

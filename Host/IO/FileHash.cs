using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Qtl.IO;

/// <summary>SHA-256 (hex) of a file's content, remembered per (path, size, write time) for this process: what cache keys name a file by.</summary>
public static class FileHash
{
    private static readonly ConcurrentDictionary<(string, long, DateTime), string> Known = new();

    public static string Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"file not found: {info.FullName}", info.FullName);
        return Known.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), _ =>
        {
            using FileStream s = File.OpenRead(info.FullName);
            return Convert.ToHexStringLower(SHA256.HashData(s));
        });
    }
}

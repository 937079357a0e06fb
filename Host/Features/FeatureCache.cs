using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Qtl.IO;

namespace Qtl.Features;

/// <summary>
/// Backbone features on disk, so that a frozen backbone runs once per data set. An entry's key is a SHA-256
/// over everything the features depend on (model bytes, output name, preprocessing, data identity), so a
/// changed model or data file simply misses. Entries are written to a temporary file and renamed into place
/// (atomic on one file system), and carry a SHA-256 of their own bytes: a crash leaves no half entry and a
/// damaged entry is detected, ignored and recomputed.
/// </summary>
public sealed class FeatureCache
{
    private static readonly byte[] Magic = "QTLFEAT1"u8.ToArray();
    public FeatureCache(string? directory = null) => Directory = Path.GetFullPath(directory ?? DefaultDirectory);

    public string Directory { get; }

    /// <summary><c>$XDG_CACHE_HOME/qtl-qsharp/features</c>, else <c>~/.cache/qtl-qsharp/features</c>.</summary>
    public static string DefaultDirectory
    {
        get
        {
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "qtl-qsharp", "features");
        }
    }

    /// <summary>SHA-256 (hex) over the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ.</summary>
    public static string Key(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string part in parts)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public string PathOf(string key) => Path.Combine(Directory, key + ".features");

    /// <summary>The entry for a key, or null if absent; <paramref name="corrupt"/> says an entry existed but was unreadable.</summary>
    public CacheEntry? TryLoad(string key, out bool corrupt)
    {
        corrupt = false;
        string path = PathOf(key);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        CacheEntry? entry = Decode(bytes);
        corrupt = entry is null;
        return entry;
    }

    /// <summary>Writes an entry atomically; a failure to write (read-only cache, full disk) is not an error of the run.</summary>
    public bool Store(string key, CacheEntry entry)
    {
        try
        {
            AtomicFile.WriteAllBytes(PathOf(key), Encode(entry));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static byte[] Encode(CacheEntry entry)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(entry.Dims.Length);
            foreach (int d in entry.Dims) w.Write(d);
            w.Write(entry.Data.Length);
            foreach (float v in entry.Data) w.Write(v);
            w.Write(entry.Extra.Length);
            w.Write(entry.Extra);
        }
        body.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        return body.ToArray();
    }

    private static CacheEntry? Decode(byte[] bytes)
    {
        const int HashLength = 32;
        if (bytes.Length < Magic.Length + HashLength) return null;
        ReadOnlySpan<byte> content = bytes.AsSpan(0, bytes.Length - HashLength);
        if (!SHA256.HashData(content).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashLength))) return null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, content.Length));
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) return null;
            var dims = new int[r.ReadInt32()];
            for (int i = 0; i < dims.Length; i++) dims[i] = r.ReadInt32();
            var data = new float[r.ReadInt32()];
            for (int i = 0; i < data.Length; i++) data[i] = r.ReadSingle();
            byte[] extra = r.ReadBytes(r.ReadInt32());
            long count = dims.Aggregate(1L, (a, d) => a * d);
            return dims.Length > 0 && count == data.Length && r.BaseStream.Position == content.Length ? new CacheEntry(data, dims, extra) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or ArgumentException or OutOfMemoryException)
        {
            return null;
        }
    }
}

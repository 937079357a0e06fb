using System.Text;
using System.Text.RegularExpressions;

namespace Qtl.IO;

/// <summary>
/// Writes files whole or not at all, so a crash, a full disk or a failed command never leaves a
/// half-written or clobbered file: every result file of a run goes through here.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark, as <see cref="WriteAllBytes"/>.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes through a temporary file in the same folder, then renames it over <paramref name="path"/>.</summary>
    /// <exception cref="IOException">One line naming <paramref name="path"/>; the previous file, if any, is unchanged.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        // A unique temporary name: two writers of one file never share (or delete) each other's temporary file.
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            // Plain writes, not File.WriteAllText: its preallocation reports a file-size limit as an argument error.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true); // on disk before the rename makes it the result
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException and not FileNotFoundException and not DirectoryNotFoundException or ArgumentOutOfRangeException)
        {
            // .NET reports EFBIG (a file-size limit) as an ArgumentOutOfRangeException from the write.
            string reason = e is IOException io ? Reason(io) : "File too large (over the file-size limit)";
            throw new IOException($"could not write {full}: {reason}; the previous version, if any, is unchanged.", e);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } // best effort: the error above matters more
        }
    }

    /// <summary>The system's reason without its trailing " : 'temporary path'".</summary>
    private static string Reason(IOException e) => TrailingPath().Replace(e.Message, "");

    [GeneratedRegex(@"\s*:\s*'[^']*'\s*$")]
    private static partial Regex TrailingPath();
}

using System.Text;

namespace Qtl.Hardware;

/// <summary>Writes files whole or not at all, so a failed export or study never leaves a half-written or clobbered file.</summary>
public static class AtomicFile
{
    /// <summary>Writes through a temporary file in the same folder, then renames it over <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

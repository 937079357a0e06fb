namespace Qtl.Training;

/// <summary>
/// Ownership of a run folder: an exclusive lock on its <c>.lock</c> file while one process writes the run.
/// The OS drops the lock when the process exits or dies (flock on Linux, share modes on Windows), so a
/// killed run is never left locked. The empty file stays: unlinking it on release would let a second
/// process lock a file that a third one can no longer see.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _stream;
    private readonly bool _createdFolder;

    private RunLock(string folder, FileStream stream, bool createdFolder)
    {
        Folder = folder;
        _stream = stream;
        _createdFolder = createdFolder;
    }

    /// <summary>The run folder, as given.</summary>
    public string Folder { get; }

    /// <summary>Locks <paramref name="folder"/>, creating it if needed; null while another process owns it.</summary>
    public static RunLock? TryAcquire(string folder)
    {
        bool created = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, FileName);
        try
        {
            return new RunLock(folder, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), created);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException) && File.Exists(path))
        {
            return null; // held by another process (EWOULDBLOCK from flock; a sharing violation on Windows)
        }
    }

    /// <summary>Releases the lock; a folder this lock created and nothing else was written to is removed again.</summary>
    public void Dispose()
    {
        try
        {
            // Unlinked while still held: anyone arriving later creates a fresh lock file, and then the folder stays.
            if (_createdFolder && Directory.EnumerateFileSystemEntries(Folder).All(e => Path.GetFileName(e) == FileName))
            {
                File.Delete(Path.Combine(Folder, FileName));
                Directory.Delete(Folder);
            }
        }
        catch (IOException)
        {
            // Another process took the folder over in between: it is theirs now.
        }
        finally
        {
            _stream.Dispose();
        }
    }
}

using Qtl.IO;

namespace Qtl.Benchmarks;

/// <summary>
/// A benchmark folder's finished cells, one small file each under <c>cells/</c>, written atomically: a stopped run keeps
/// every cell it finished and a rerun skips them; a merge reads the cells of several folders.
/// </summary>
public sealed class CellStore(string dir)
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(dir), "cells");

    public string PathOf(CellKey key) => Path.Combine(Folder, key.Id + ".csv");

    public bool Has(CellKey key) => File.Exists(PathOf(key));

    public CellResult Read(CellKey key)
    {
        string path = PathOf(key);
        var cell = CellResult.Parse(File.ReadAllText(path), path);
        if (cell.Key != key) throw new InvalidDataException($"{path} holds cell {cell.Key.Id} with another setting than this protocol's; delete it to recompute.");
        return cell;
    }

    public void Write(CellResult cell) => AtomicFile.WriteAllText(PathOf(cell.Key), cell.FileText());

    /// <summary>Every cell file of the folder (a shard's share, or all).</summary>
    public IEnumerable<string> Files() => Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "*.csv").Order(StringComparer.Ordinal) : [];
}

namespace Qtl.Benchmarks;

/// <summary>
/// <c>benchmark merge</c>: gathers the cells of several shard folders (the same benchmark.json in each) into one folder,
/// which then finishes as an unsharded run does (test cells, then the outputs), so its files are that run's, byte for byte.
/// A cell found in two folders must hold the same bytes in both.
/// </summary>
public static class BenchmarkMerge
{
    /// <returns>The merged folder's manifest, and how many cell files were copied.</returns>
    public static (BenchmarkManifest Manifest, int Copied) Gather(IReadOnlyList<string> shardDirs, string outDir)
    {
        if (shardDirs.Count == 0) throw new UserError("benchmark merge needs at least one shard folder.");
        var manifests = shardDirs.Select(d => (Dir: d, Manifest: BenchmarkManifest.Read(d))).ToList();
        string text = manifests[0].Manifest.Text();
        foreach (var (d, m) in manifests.Skip(1))
            if (m.Text() != text)
                throw new UserError($"{Path.GetFullPath(d)} holds a benchmark of other data or options than {Path.GetFullPath(manifests[0].Dir)} (benchmark.json differs); merge shards of one study only.");
        var manifest = manifests[0].Manifest;
        var options = manifest.ToOptions();
        var target = new CellStore(outDir);
        var cells = new Dictionary<string, (string Text, string From)>(StringComparer.Ordinal);
        foreach (var (d, _) in manifests)
            foreach (string file in new CellStore(d).Files())
            {
                string text2 = File.ReadAllText(file);
                string id = Path.GetFileNameWithoutExtension(file);
                if (cells.TryGetValue(id, out var seen) && seen.Text != text2)
                    throw new UserError($"cell {id} differs between {seen.From} and {file}; the shards did not compute the same study.");
                cells[id] = (text2, file);
            }
        var missing = CellPlan.CvCells(options).Where(k => !cells.ContainsKey(k.Id)).ToList();
        if (missing.Count > 0)
            throw new UserError($"{missing.Count} of {CellPlan.CvCells(options).Count} cross-validation cells are in none of the folders (first: {missing[0].Id}); run the missing shards (or rerun a stopped one) first.");
        manifest.Claim(outDir);
        int copied = 0;
        foreach (var (id, (cellText, from)) in cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            string path = Path.Combine(target.Folder, id + ".csv");
            if (File.Exists(path))
            {
                if (File.ReadAllText(path) != cellText) throw new UserError($"cell {id} in {outDir} differs from {from}; give a new --out.");
                continue;
            }
            CellResult.Parse(cellText, from); // a damaged file is refused, not copied
            IO.AtomicFile.WriteAllText(path, cellText);
            copied++;
        }
        return (manifest, copied);
    }
}

using System.Text.Json;
using Qtl.IO;

namespace Qtl.Benchmarks;

/// <summary>
/// benchmark.json: what a benchmark folder's cells were computed from (data source and fingerprint, protocol, grids).
/// A rerun into the folder, a shard of the same study and a merge must all hold the same text, or nothing is mixed.
/// </summary>
public sealed record BenchmarkManifest(BenchmarkSource Source, string Data, string Fingerprint, IReadOnlyList<string> Models, IReadOnlyList<string> Sizes,
    int Folds, int Seeds, int Epochs, int BatchSize, int Qubits, double Margin, int BootstrapSamples, IReadOnlyList<ManifestGrid> Grids)
{
    public const string FileName = "benchmark.json";

    public static BenchmarkManifest Of(BenchmarkSource source, BenchmarkData data, BenchmarkOptions o) => new(source, data.Description, data.Fingerprint(),
        [.. o.Models.Select(m => m.Text())], [.. o.Sizes.Select(BenchmarkOptions.SizeText)], o.Folds, o.Seeds, o.Epochs, o.BatchSize, o.Qubits, o.Margin, o.BootstrapSamples,
        [.. o.Models.Select(m => new ManifestGrid(m.Text(), o.Grids[m].LearningRates, o.Grids[m].Capacities, o.Grids[m].L2))]);

    public BenchmarkOptions ToOptions() => new BenchmarkOptions
    {
        Models = [.. Models.Select(m => EnumText.Parse<BenchmarkModel>(m, FileName))],
        Sizes = [.. Sizes.Select(s => s == "all" ? (int?)null : int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))],
        Folds = Folds, Seeds = Seeds, Epochs = Epochs, BatchSize = BatchSize, Qubits = Qubits, Margin = Margin, BootstrapSamples = BootstrapSamples,
        Grids = Grids.ToDictionary(g => EnumText.Parse<BenchmarkModel>(g.Model, FileName), g => new ModelGrid(g.Lr, g.Capacity, g.L2)),
    }.Validate();

    public string Text() => JsonSerializer.Serialize(this, JsonFiles.Options) + "\n";

    public static BenchmarkManifest Read(string dir)
    {
        string path = Path.Combine(Path.GetFullPath(dir), FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{Path.GetFullPath(dir)} is not a benchmark folder: it has no {FileName}.");
        return JsonSerializer.Deserialize<BenchmarkManifest>(File.ReadAllText(path), JsonFiles.Options)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>Writes the manifest into a new folder, or checks that the folder's is the same; changes nothing if not.</summary>
    public void Claim(string dir)
    {
        string path = Path.Combine(Path.GetFullPath(dir), FileName);
        if (File.Exists(path))
        {
            if (File.ReadAllText(path) != Text())
                throw new UserError($"{Path.GetFullPath(dir)} holds a benchmark of other data or options ({FileName} differs); give another --out, or the same options to continue it.");
            return;
        }
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new UserError($"{Path.GetFullPath(dir)} is not empty and holds no {FileName}; give a new or empty folder for --out.");
        AtomicFile.WriteAllText(path, Text());
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Qtl.Training;
using Qtl.IO;

namespace Qtl.Distillation.Paper;

/// <summary>
/// Finished runs kept as JSON under a folder, keyed by every option that changes their bits (plus a version of
/// this code), so an interrupted or extended table (more rungs, more seeds) resumes instead of starting over.
/// A run is a pure function of its options, so a stored result is the result a new run would give.
/// </summary>
public sealed class PaperRunCache(string directory)
{
    /// <summary>Bump when a change to the protocol's code changes the bits of a run.</summary>
    public const string Version = "paper-v3";

    private sealed record Entry(string Key, double Accuracy, int SelectedEpoch, List<EpochMetrics> Epochs, double? TeacherAccuracy,
        string Student, int ParameterCount, string Readout, int TrainCount, int ScoredCount, double Seconds);

    public string Directory { get; } = directory;

    public PaperRunResult? TryLoad(PaperOptions options)
    {
        string path = PathOf(options);
        if (!File.Exists(path)) return null;
        var e = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path));
        if (e is null || e.Key != KeyOf(options)) return null;
        return new PaperRunResult(options, e.Accuracy, e.SelectedEpoch, e.Epochs, e.TeacherAccuracy, e.Student, e.ParameterCount, e.Readout,
            e.TrainCount, e.ScoredCount, e.Seconds);
    }

    public void Store(PaperRunResult r) => AtomicFile.WriteAllText(PathOf(r.Options), JsonSerializer.Serialize(new Entry(KeyOf(r.Options), r.Accuracy,
        r.SelectedEpoch, r.Epochs.ToList(), r.TeacherAccuracy, r.Student, r.ParameterCount, r.Readout, r.TrainCount, r.ScoredCount, r.Seconds)));

    private static string KeyOf(PaperOptions o) => $"{Version}|{o.Key}";

    private string PathOf(PaperOptions o) =>
        Path.Combine(Directory, Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(KeyOf(o))))[..20].ToLowerInvariant() + ".json");
}

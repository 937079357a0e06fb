using System.Text.Json;
using Qtl.Data;
using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// The layout of a run folder written by <c>train</c>: one checkpoint per head and the data
/// options that made its features, so evaluate, predict and noise studies can reload them.
/// </summary>
public static class RunFolder
{
    public const string DataOptionsFile = "data-options.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Checkpoint(string runDir, string kind = Head.Quantum) => TransferExperiment.CheckpointPath(runDir, kind);

    public static void SaveDataOptions(string runDir, DataOptions options)
    {
        Directory.CreateDirectory(runDir);
        // Paths are stored absolute so the run can be evaluated from any working directory.
        var absolute = options with
        {
            DataPath = options.DataPath is null ? null : Path.GetFullPath(options.DataPath),
            BackbonePath = options.BackbonePath is null or Backbones.ResNet18Package.Name ? options.BackbonePath : Path.GetFullPath(options.BackbonePath),
        };
        string path = Path.Combine(runDir, DataOptionsFile);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(absolute, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static DataOptions LoadDataOptions(string runDir)
    {
        string path = Path.Combine(runDir, DataOptionsFile);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: is {runDir} a run folder written by `train`?");
        return JsonSerializer.Deserialize<DataOptions>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}

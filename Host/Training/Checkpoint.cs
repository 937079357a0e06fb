using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qtl.Training;

/// <summary>
/// Human-readable JSON checkpoints. Doubles are written in round-trip form, so a resumed
/// run is bit-identical; files are replaced atomically, so a crash never leaves half a file.
/// </summary>
public static class Checkpoint
{
    public const string Format = "qtl-qsharp/checkpoint/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private sealed record Envelope(string Format, TrainingState State);

    public static void Save(string path, TrainingState state)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new Envelope(Format, state), Json));
        File.Move(temp, full, overwrite: true);
    }

    public static TrainingState Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"checkpoint not found: {path}");
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable checkpoint: {e.Message}");
        }
        if (envelope?.Format != Format || envelope.State is null)
            throw new InvalidDataException($"{path} is not a qtl-qsharp checkpoint (expected format '{Format}').");
        return envelope.State;
    }

    /// <summary>The best model stored in a checkpoint.</summary>
    public static TrainedModel LoadModel(string path)
    {
        var state = Load(path);
        if (state.BestParameters.Count == 0)
            throw new InvalidDataException($"{path} holds no completed epoch yet; train at least one epoch.");
        return state.ToModel(state.History.Sum(h => h.Seconds));
    }
}

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
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new Envelope(Format, state), Json));
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
        CheckFinite(path, envelope.State);
        return envelope.State;
    }

    /// <summary>A NaN or infinity in a checkpoint is named by file and field here, before it reaches a circuit as an "input".</summary>
    private static void CheckFinite(string path, TrainingState state)
    {
        static IEnumerable<(string Field, double[] Values)> Named(string prefix, IReadOnlyDictionary<string, double[]> values) =>
            values.Select(p => ($"{prefix}.{p.Key}", p.Value));
        var fields = Named("parameters", state.Parameters)
            .Concat(Named("best_parameters", state.BestParameters))
            .Concat(state.AdamFirst.Select((v, i) => ($"adam_first[{i}]", v)))
            .Concat(state.AdamSecond.Select((v, i) => ($"adam_second[{i}]", v)));
        foreach (var (field, values) in fields)
        {
            int bad = Array.FindIndex(values ?? [], v => !double.IsFinite(v));
            if (bad >= 0)
                throw new InvalidDataException($"{path}: {field}[{bad}] is {values![bad]}; a checkpoint holds finite numbers only (the file was edited or damaged).");
        }
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

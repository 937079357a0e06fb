using System.Text.Json;
using System.Text.Json.Serialization;
using Qtl.IO;

namespace Qtl.Training;

/// <summary>
/// Human-readable JSON checkpoints of training and of distillation. Doubles are written in round-trip
/// form, so a resumed run is bit-identical; files are replaced atomically, so a crash never leaves half a file.
/// </summary>
public static class Checkpoint
{
    public const string Format = "qtl-qsharp/checkpoint/2";

    private static readonly JsonSerializerOptions Json = new(JsonFiles.Options)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private sealed record Envelope<T>(string Format, T State);

    public static void Save(string path, TrainingState state) => Save(path, Format, state);

    public static TrainingState Load(string path) => Load<TrainingState>(path, Format);

    public static void Save<T>(string path, string format, T state) where T : ICheckpointState =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new Envelope<T>(format, state), Json));

    public static T Load<T>(string path, string format) where T : class, ICheckpointState
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"checkpoint not found: {path}");
        Envelope<T>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope<T>>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable checkpoint: {e.Message}");
        }
        if (envelope?.Format != format || envelope.State is null)
            throw new InvalidDataException($"{path} is not a qtl-qsharp checkpoint of this kind (expected format '{format}').");
        CheckFinite(path, envelope.State);
        return envelope.State;
    }

    /// <summary>Named arrays under a prefix, for <see cref="ICheckpointState.NumericFields"/>.</summary>
    public static IEnumerable<(string Field, double[] Values)> Named(string prefix, IReadOnlyDictionary<string, double[]> values) =>
        values.Select(p => ($"{prefix}.{p.Key}", p.Value));

    /// <summary>A NaN or infinity in a checkpoint is named by file and field here, before it reaches a circuit as an "input".</summary>
    private static void CheckFinite(string path, ICheckpointState state)
    {
        foreach (var (field, values) in state.NumericFields())
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
        if (state.Progress.BestParameters.Count == 0)
            throw new InvalidDataException($"{path} holds no completed epoch yet; train at least one epoch.");
        return state.ToModel();
    }
}

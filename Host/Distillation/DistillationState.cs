using System.Text.Json;
using System.Text.Json.Nodes;
using Qtl.Training;

namespace Qtl.Distillation;

/// <summary>
/// Everything needed to continue a distillation run, saved after every epoch by the same <see cref="Checkpoint"/>
/// machinery as training: the options, the student's parameters, both Adam optimisers and the history.
/// </summary>
public sealed record DistillationState(DistillationOptions Options) : ICheckpointState
{
    public const string Format = "qtl-qsharp/distillation-checkpoint/1";
    public const string File = "student.checkpoint.json";

    public int EpochsDone { get; init; }
    public Dictionary<string, double[]> Parameters { get; init; } = [];
    /// <summary>The front-end's optimiser, then the circuit's.</summary>
    public IReadOnlyList<AdamState> Optimisers { get; init; } = [];
    public List<KdEpoch> History { get; init; } = [];

    public static string PathIn(string runDir) => Path.Combine(runDir, File);

    public IEnumerable<(string Field, double[] Values)> NumericFields() =>
        Checkpoint.Named("parameters", Parameters).Concat(Optimisers.SelectMany((a, i) =>
            a.First.Select((v, j) => ($"optimisers[{i}].first[{j}]", v)).Concat(a.Second.Select((v, j) => ($"optimisers[{i}].second[{j}]", v)))));

    /// <summary>Throws, naming each option that differs, unless a run with <paramref name="options"/> may continue from here.</summary>
    public void CheckResumable(DistillationOptions options)
    {
        var given = Settings(options);
        var recorded = Settings(Options);
        var differences = given.Select(p => p.Key).Union(recorded.Select(p => p.Key))
            .Where(key => key != "epochs" && !JsonNode.DeepEquals(given[key], recorded[key]))
            .Select(key => $"{Option(key)} is {given[key]?.ToJsonString() ?? "unset"} here, {recorded[key]?.ToJsonString() ?? "unset"} in the checkpoint")
            .ToList();
        if (differences.Count > 0)
            throw new UserError($"cannot resume: {string.Join("; ", differences)} (only --epochs may change; repeat the run's options).");
    }

    private static readonly JsonSerializerOptions SettingsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
    };

    /// <summary>The command-line option of a setting: its kebab-case name, except where the option is shorter.</summary>
    private static string Option(string setting) => "--" + setting switch
    {
        "learning-rate" => "lr",
        "front-end-learning-rate" => "front-end-lr",
        "data-directory" => "data",
        _ => setting,
    };

    /// <summary>The options as named settings (kebab case, as on the command line).</summary>
    private static JsonObject Settings(DistillationOptions options) =>
        JsonSerializer.SerializeToNode(options, SettingsJson)!.AsObject();
}

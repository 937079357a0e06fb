using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Qtl.IO;

namespace Qtl.Training;

/// <summary>
/// The one rule of every resume: a run continues from a checkpoint only with the options it recorded, except
/// <c>--epochs</c>. Settings are compared as they are written to files, so every setting of an options record,
/// present or added later, is compared, and each difference is named by its command-line option.
/// </summary>
public static class ResumeCheck
{
    public static void Require<TOptions>(TOptions given, TOptions recorded) where TOptions : class
    {
        var differences = typeof(TOptions).GetProperties()
            .Where(p => p.CanWrite && p.Name != "Epochs" && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (Option: OptionOf(p), Given: Text(p.GetValue(given)), Recorded: Text(p.GetValue(recorded))))
            .Where(d => d.Given != d.Recorded)
            .Select(d => $"{d.Option} is {d.Given} here, {d.Recorded} in the checkpoint")
            .ToList();
        if (differences.Count > 0)
            throw new UserError($"cannot resume: {string.Join("; ", differences)} (only --epochs may change; repeat the run's options).");
    }

    private static string OptionOf(PropertyInfo setting) =>
        setting.GetCustomAttribute<OptionNameAttribute>()?.Name ?? "--" + JsonNamingPolicy.KebabCaseLower.ConvertName(setting.Name);

    /// <summary>A value as its file spelling: text unquoted (<c>qsharp</c>), numbers round-trip, lists as JSON.</summary>
    private static string Text(object? value) => JsonSerializer.SerializeToNode(value, JsonFiles.Options) switch
    {
        null => "unset",
        JsonValue v when v.TryGetValue(out string? s) => s,
        var node => node.ToJsonString(),
    };
}

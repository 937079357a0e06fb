using System.Text.Json;

namespace Qtl.Backbones;

/// <summary>
/// What a model's <c>.json</c> file beside it (written by tools/) declares: its preprocessing
/// ("preprocessing": "torchvision" | "resnet18" | "grey", or an object whose "name" is one of them; a "normalisation"
/// with mean and std means grey),
/// and the output to use as features ("output": {"name": ...}). Every field is optional.
/// </summary>
/// <paramref name="GreyNormalisation"/> is the declared (mean, std) of a grey model.
public sealed record BackboneMetadata(string? Preprocessing, (double Mean, double Std)? GreyNormalisation, string? Output)
{
    public static BackboneMetadata Read(string modelPath)
    {
        string json = Path.ChangeExtension(modelPath, ".json");
        if (!File.Exists(json)) return new BackboneMetadata(null, null, null);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement root = doc.RootElement;
            (double, double)? grey = root.TryGetProperty("normalisation", out JsonElement n)
                ? (Scalar(n.GetProperty("mean")), Scalar(n.GetProperty("std")))
                : null;
            if (grey is (double mean, double std) && !(double.IsFinite(mean) && double.IsFinite(std) && std > 0))
                throw new InvalidDataException($"normalisation mean {mean}, std {std}: the mean must be finite and the std positive");
            string? preprocessing = !root.TryGetProperty("preprocessing", out JsonElement p) ? grey is null ? null : GreyPreprocessing.Name
                : p.ValueKind == JsonValueKind.Object ? p.GetProperty("name").GetString() : p.GetString();
            if (preprocessing is not null && !Backbone.PreprocessingNames.Contains(preprocessing))
                throw new InvalidDataException($"unknown preprocessing '{preprocessing}'; allowed: {string.Join(", ", Backbone.PreprocessingNames)}");
            string? output = root.TryGetProperty("output", out JsonElement o) && o.TryGetProperty("name", out JsonElement name) ? name.GetString() : null;
            return new BackboneMetadata(preprocessing, grey, output);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException or FormatException)
        {
            throw new InvalidDataException($"{json}: cannot read the model metadata ({e.Message}).", e);
        }
    }

    private static double Scalar(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 1 ? e[0].GetDouble() : e.GetDouble();
}

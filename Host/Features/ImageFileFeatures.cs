using Qtl.Backbones;
using Qtl.Data;

namespace Qtl.Features;

/// <summary>
/// Features of unlabelled image files (photos to classify) through a run's backbone, file by file: a missing,
/// unsupported or unreadable file gets its error and no features, and the others are still extracted. Not cached:
/// a file that fails to decode must fail again next time, not hit an entry.
/// </summary>
public static class ImageFileFeatures
{
    /// <summary>What an unreadable file is run as, so the others keep their places; its features are dropped.</summary>
    private static readonly RasterImage Unreadable = new(1, 1, 3, [0, 0, 0]);

    /// <summary>Per file, in order: its features, or the one-line error that says why it has none.</summary>
    public static (double[]? Features, string? Error)[] Extract(DataOptions options, IReadOnlyList<string> files)
    {
        var results = new (double[]? Features, string? Error)[files.Count];
        string[] paths = [.. files.Select(Path.GetFullPath)];
        for (int i = 0; i < paths.Length; i++)
        {
            if (!File.Exists(paths[i])) results[i].Error = $"image not found: {paths[i]}";
            else if (!ImageFolder.Extensions.Contains(Path.GetExtension(paths[i]).ToLowerInvariant()))
                results[i].Error = $"{paths[i]}: unsupported file type; allowed: {string.Join(", ", ImageFolder.Extensions)}.";
        }
        int[] candidates = [.. Enumerable.Range(0, paths.Length).Where(i => results[i].Error is null)];
        if (candidates.Length == 0) return results;
        using var backbone = TransferDataLoader.OpenBackbone(options);
        float[][] features = backbone.Extract(candidates.Length, k =>
        {
            try
            {
                return RasterImage.Decode(paths[candidates[k]]);
            }
            catch (InvalidDataException e)
            {
                results[candidates[k]].Error = e.Message;
                return Unreadable;
            }
        });
        for (int k = 0; k < candidates.Length; k++)
            if (results[candidates[k]].Error is null) results[candidates[k]].Features = [.. features[k].Select(v => (double)v)];
        return results;
    }
}

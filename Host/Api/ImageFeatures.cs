using Qtl.Data;
using Qtl.Features;

namespace Qtl;

/// <summary>Features of unlabelled image files through the backbone a run's data options name, via the feature cache.</summary>
internal static class ImageFeatures
{
    public static double[][] Extract(DataOptions options, IReadOnlyList<string> classNames, IReadOnlyList<string> files)
    {
        if (files.Count == 0) throw new UserError("no image files given; give at least one .jpg, .jpeg or .png file.");
        string[] paths = files.Select(Path.GetFullPath).ToArray();
        foreach (string path in paths)
        {
            if (!File.Exists(path)) throw new UserError($"image not found: {path}");
            if (!ImageFolder.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                throw new UserError($"{path}: unsupported file type; allowed: {string.Join(", ", ImageFolder.Extensions)}.");
        }
        // The extractor reads a folder of labelled images; the labels are unknown here and ignored.
        var folder = new ImageFolder(Path.GetDirectoryName(paths[0])!, classNames, [], []);
        using var backbone = TransferDataLoader.OpenBackbone(options);
        return new FeatureExtractor(new FeatureCache(options.CacheDir))
            .FromFolder(backbone, folder, paths.Select(p => new LabelledImage(p, 0)).ToList(), "predict").Features.Features;
    }
}

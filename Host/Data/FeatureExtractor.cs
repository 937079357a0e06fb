using System.Diagnostics;
using System.Globalization;
using Qtl.Onnx;

namespace Qtl.Data;

/// <summary>Normalisation of IDX pixels for a backbone: x = (pixel/255 − Mean) / Std.</summary>
public sealed record IdxNormalisation(double Mean, double Std)
{
    /// <summary>The constants every model in assets/models was trained with (FashionMNIST training-set mean/std).</summary>
    public static readonly IdxNormalisation FashionMnist = new(0.2860, 0.3530);

    public string Id => string.Create(CultureInfo.InvariantCulture, $"idx [N,1,H,W] (pixel/255 - {Mean:R})/{Std:R}");
}

/// <summary>Features of one split, whether they came from the cache, how long that took, and RGB thumbnails (folders only).</summary>
public sealed record Extraction(FeatureSet Features, bool CacheHit, TimeSpan Elapsed, string OutputName, IReadOnlyList<byte[]> Thumbnails, int ThumbnailSize);

/// <summary>
/// Runs a frozen backbone over a labelled image set, through the <see cref="FeatureCache"/>: IDX images are
/// normalised here and sent to the model in chunks; image files are decoded and preprocessed in the runtime.
/// </summary>
public sealed class FeatureExtractor(FeatureCache cache)
{
    /// <summary>IDX images per runtime request: bounds the size of one JSON line (about 8 MB at 28×28).</summary>
    public const int IdxChunk = 2048;

    public const int ThumbnailSize = 64;

    private const string FolderPreprocessing = "torchvision Resize(256) bilinear (Pillow), CenterCrop(224), RGB/255, ImageNet mean/std; v1";

    public FeatureCache Cache { get; } = cache;

    /// <summary>Features of the images <paramref name="indices"/> of an IDX split; labels index <paramref name="classes"/>.</summary>
    public Extraction FromIdx(OnnxModel model, FashionMnistSplit split, int[] indices, IReadOnlyList<int> classes,
        IReadOnlyList<string> classNames, IdxNormalisation norm, string? output = null)
    {
        IdxImages images = split.Images;
        model.ImageInput(1, images.Rows, images.Columns, $"IDX images ({images.Rows}×{images.Columns} greyscale)");
        string outputName = output ?? FirstOutput(model);
        int[] labels = indices.Select(i => IndexOf(classes, split.Labels[i], i)).ToArray();
        var key = new List<string>
        {
            "idx-v1", FeatureCache.FileHash(model.Path), outputName, norm.Id,
            FeatureCache.FileHash(split.ImagesPath), FeatureCache.FileHash(split.LabelsPath),
            string.Join(",", indices),
        };
        return Cached(key, classNames, labels, outputName, 0, () =>
        {
            var parts = new List<OnnxOutput>();
            for (int start = 0; start < indices.Length; start += IdxChunk)
            {
                int n = Math.Min(IdxChunk, indices.Length - start);
                var tensor = new float[n * images.ImageSize];
                for (int k = 0; k < n; k++)
                {
                    ReadOnlySpan<byte> pixels = images.Image(indices[start + k]);
                    Span<float> dst = tensor.AsSpan(k * images.ImageSize, images.ImageSize);
                    for (int p = 0; p < pixels.Length; p++)
                        dst[p] = (float)((pixels[p] / 255.0 - norm.Mean) / norm.Std);
                }
                parts.Add(model.Run(tensor, [n, 1, images.Rows, images.Columns], output));
            }
            return new CacheEntry(parts.SelectMany(p => p.Data).ToArray(), [indices.Length, .. parts[0].Dims[1..]], []);
        });
    }

    /// <summary>Features of image files (ImageNet preprocessing in the runtime); thumbnails of the first <paramref name="thumbnails"/>.</summary>
    public Extraction FromFolder(OnnxModel model, ImageFolder folder, IReadOnlyList<LabelledImage> items, string? output = null, int thumbnails = 0)
    {
        model.ImageInput(3, 224, 224, "ImageNet-preprocessed images (3×224×224)");
        string outputName = output ?? FirstOutput(model);
        thumbnails = Math.Min(thumbnails, items.Count);
        var key = new List<string> { "folder-v1", FeatureCache.FileHash(model.Path), outputName, FolderPreprocessing, $"thumbnails {thumbnails}x{ThumbnailSize}" };
        foreach (LabelledImage item in items)
        {
            var info = new FileInfo(item.Path);
            if (!info.Exists) throw new FileNotFoundException($"image not found: {info.FullName}", info.FullName);
            key.Add(string.Create(CultureInfo.InvariantCulture, $"{folder.Relative(item.Path)}|{item.Label}|{info.Length}|{info.LastWriteTimeUtc.Ticks}"));
        }
        int[] labels = items.Select(i => i.Label).ToArray();
        return Cached(key, folder.ClassNames, labels, outputName, thumbnails, () =>
        {
            ImageFeatures f = model.RunOnImages(items.Select(i => i.Path).ToArray(), output, thumbnails, ThumbnailSize);
            return new CacheEntry(f.Output.Data, f.Output.Dims, f.Thumbnails.SelectMany(t => t).ToArray());
        });
    }

    private Extraction Cached(List<string> keyParts, IReadOnlyList<string> classNames, int[] labels, string outputName, int thumbnails, Func<CacheEntry> compute)
    {
        var clock = Stopwatch.StartNew();
        string key = FeatureCache.Key(keyParts);
        CacheEntry? entry = Cache.TryLoad(key, out _);
        bool hit = entry is not null && entry.Dims[0] == labels.Length;
        if (!hit)
        {
            entry = compute();
            Cache.Store(key, entry);
        }
        int row = entry!.Dims.Skip(1).Aggregate(1, (a, b) => a * b);
        var features = new double[labels.Length][];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = new double[row];
            for (int j = 0; j < row; j++) features[i][j] = entry.Data[i * row + j];
        }
        int size = ThumbnailSize * ThumbnailSize * 3;
        byte[][] thumbs = Enumerable.Range(0, Math.Min(thumbnails, entry.Extra.Length / size)).Select(i => entry.Extra[(i * size)..((i + 1) * size)]).ToArray();
        return new Extraction(new FeatureSet(features, labels, classNames), hit, clock.Elapsed, outputName, thumbs, ThumbnailSize);
    }

    private static string FirstOutput(OnnxModel model) =>
        model.Outputs.Count > 0 ? model.Outputs[0].Name : throw new InvalidDataException($"{model.Path} has no outputs.");

    private static int IndexOf(IReadOnlyList<int> classes, int label, int index)
    {
        for (int c = 0; c < classes.Count; c++)
            if (classes[c] == label) return c;
        throw new ArgumentException($"image {index} has label {label}, which is not among the selected classes {string.Join(",", classes)}.");
    }
}

using System.Diagnostics;
using System.Globalization;
using Qtl.Backbones;
using Qtl.Data;
using Qtl.IO;

namespace Qtl.Features;

/// <summary>
/// Runs a frozen <see cref="Backbone"/> over a labelled image set through the <see cref="FeatureCache"/>:
/// the key holds the backbone's model bytes, output and preprocessing and the data's content, so a second
/// run on the same data, backbone and preprocessing reads the cache and any change misses it.
/// </summary>
public sealed class FeatureExtractor(FeatureCache cache, Action<ExtractionProgress>? progress = null)
{
    public const int ThumbnailSize = 64;

    public FeatureCache Cache { get; } = cache;

    /// <summary>Features of the images <paramref name="indices"/> of an IDX split; labels index <paramref name="classes"/>.</summary>
    public Extraction FromIdx(Backbone backbone, FashionMnistSplit split, int[] indices, IReadOnlyList<int> classes,
        IReadOnlyList<string> classNames, string splitName)
    {
        IdxImages images = split.Images;
        int[] labels = indices.Select(i => IndexOf(classes, split.Labels[i], i)).ToArray();
        var key = new List<string>(backbone.CacheKey)
        {
            "idx-v2", FileHash.Of(split.ImagesPath), FileHash.Of(split.LabelsPath), string.Join(",", indices),
        };
        return Cached(key, classNames, labels, 0, () =>
        {
            float[][] features = backbone.Extract(indices.Length,
                i => new RasterImage(images.Columns, images.Rows, 1, images.Image(indices[i]).ToArray()),
                done => progress?.Invoke(new ExtractionProgress(splitName, done, indices.Length)));
            return new CacheEntry(features.SelectMany(f => f).ToArray(), [indices.Length, features[0].Length], []);
        });
    }

    /// <summary>Features of image files; RGB thumbnails of the first <paramref name="thumbnails"/>.</summary>
    public Extraction FromFolder(Backbone backbone, ImageFolder folder, IReadOnlyList<LabelledImage> items, string splitName, int thumbnails = 0)
    {
        thumbnails = Math.Min(thumbnails, items.Count);
        var key = new List<string>(backbone.CacheKey) { "folder-v2", $"thumbnails {thumbnails}x{ThumbnailSize}" };
        foreach (LabelledImage item in items)
            key.Add(string.Create(CultureInfo.InvariantCulture, $"{folder.Relative(item.Path)}|{item.Label}|{FileHash.Of(item.Path)}"));
        int[] labels = items.Select(i => i.Label).ToArray();
        return Cached(key, folder.ClassNames, labels, thumbnails, () =>
        {
            var thumbs = new byte[thumbnails][];
            float[][] features = backbone.Extract(items.Count, i =>
            {
                RasterImage image = RasterImage.Decode(items[i].Path);
                if (i < thumbnails) thumbs[i] = image.ResizeShorterAndCrop(ThumbnailSize, ThumbnailSize).Pixels;
                return image;
            }, done => progress?.Invoke(new ExtractionProgress(splitName, done, items.Count)));
            return new CacheEntry(features.SelectMany(f => f).ToArray(), [items.Count, features[0].Length], thumbs.SelectMany(t => t).ToArray());
        });
    }

    private Extraction Cached(List<string> keyParts, IReadOnlyList<string> classNames, int[] labels, int thumbnails, Func<CacheEntry> compute)
    {
        var clock = Stopwatch.StartNew();
        string key = FeatureCache.Key(keyParts);
        CacheEntry? entry = Cache.TryLoad(key, out _);
        // A non-finite entry (written before backbones were checked) is computed again, so its model is named.
        bool hit = entry is not null && entry.Dims[0] == labels.Length && Array.TrueForAll(entry.Data, float.IsFinite);
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
        return new Extraction(new FeatureSet(features, labels, classNames), hit, clock.Elapsed, thumbs, ThumbnailSize);
    }

    private static int IndexOf(IReadOnlyList<int> classes, int label, int index)
    {
        for (int c = 0; c < classes.Count; c++)
            if (classes[c] == label) return c;
        throw new ArgumentException($"image {index} has label {label}, which is not among the selected classes {string.Join(",", classes)}.");
    }
}

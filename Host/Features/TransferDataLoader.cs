using Qtl.Backbones;
using Qtl.Data;

namespace Qtl.Features;

/// <summary>The one entry point from options to features: picks the data source and backbone, extracts through the cache.</summary>
public static class TransferDataLoader
{
    public static readonly IReadOnlyList<int> DefaultClasses = [0, 1];

    /// <summary>Validation images kept for the report's prediction grid.</summary>
    public const int GridImages = 32;

    public static TransferData Load(DataOptions o, Action<string>? notice = null, Action<ExtractionProgress>? progress = null)
    {
        notice ??= _ => { };
        if (o.PerClassLimit is <= 0)
            throw new UserError($"the per-class limit must be positive; got {o.PerClassLimit}.");
        if (o.DataPath is not null && !Directory.Exists(o.DataPath))
            throw new DirectoryNotFoundException($"data directory not found: {Path.GetFullPath(o.DataPath)}; give an image folder " +
                "(train/<class>/, val/<class>/) or a directory of FashionMNIST IDX files.");
        var extractor = new FeatureExtractor(new FeatureCache(o.CacheDir), progress);
        bool folder = o.DataPath is not null && ImageFolder.IsImageFolder(o.DataPath);
        if (folder && o.Classes is not null)
            throw new UserError("classes select FashionMNIST classes; an image folder uses all its class folders.");
        using Backbone backbone = OpenBackbone(o, notice);
        return folder ? LoadFolder(o, backbone, extractor, notice) : LoadIdx(o, backbone, extractor, notice);
    }

    /// <summary>The backbone the options name, with the output and preprocessing they ask for.</summary>
    public static Backbone OpenBackbone(DataOptions o, Action<string>? notice = null) =>
        Backbone.Open(o.BackbonePath, o.FeatureOutput, o.Preprocessing, notice);

    private static TransferData LoadFolder(DataOptions o, Backbone backbone, FeatureExtractor extractor, Action<string> notice)
    {
        ImageFolder folder = ImageFolder.Open(o.DataPath!);
        notice($"Image folder {folder.Root}: classes {string.Join(", ", folder.ClassNames)}; {folder.Train.Count} train, {folder.Validation.Count} val images.");
        var train = Limit(folder.Train, o.PerClassLimit, o.Seed);
        var val = Limit(folder.Validation, o.PerClassLimit, o.Seed + 1);
        Extraction tr = Report(extractor.FromFolder(backbone, folder, train, "train"), "train", notice);
        Extraction va = Report(extractor.FromFolder(backbone, folder, val, "validation", GridImages), "validation", notice);
        var images = va.Thumbnails.Select((t, i) => new SampleImage(va.ThumbnailSize, va.ThumbnailSize, 3, t, val[i].Label, folder.Relative(val[i].Path))).ToArray();
        string description = $"image folder {folder.Root} ({string.Join(", ", folder.ClassNames)}; {train.Count} train, {val.Count} validation), " +
            Describe(backbone, tr);
        return new TransferData(tr.Features, va.Features, description) { ValidationImages = images, Backbone = Summary(backbone, tr) };
    }

    private static TransferData LoadIdx(DataOptions o, Backbone backbone, FeatureExtractor extractor, Action<string> notice)
    {
        IReadOnlyList<int> classes = o.Classes ?? DefaultClasses;
        FashionMnist.ValidateClasses(classes);
        FashionMnistLocation location;
        try
        {
            location = FashionMnist.Locate(o.DataPath);
        }
        catch (FileNotFoundException e) when (o.DataPath is not null)
        {
            throw new FileNotFoundException($"{Path.GetFullPath(o.DataPath)} is neither an image folder (train/<class>/, val/<class>/) " +
                $"nor a FashionMNIST IDX directory: {e.Message}", e.FileName, e);
        }
        notice(location.Notice);
        string[] names = classes.Select(c => FashionMnist.ClassNames[c]).ToArray();

        FashionMnistSplit trainSplit = FashionMnist.Load(location, train: true);
        FashionMnistSplit valSplit = FashionMnist.Load(location, train: false);
        int[] trainIdx = FashionMnist.Select(trainSplit.Labels, classes, o.PerClassLimit, o.Seed);
        int[] valIdx = FashionMnist.Select(valSplit.Labels, classes, o.PerClassLimit, o.Seed + 1);
        Extraction tr = Report(extractor.FromIdx(backbone, trainSplit, trainIdx, classes, names, "train"), "train", notice);
        Extraction va = Report(extractor.FromIdx(backbone, valSplit, valIdx, classes, names, "validation"), "validation", notice);

        IdxImages vi = valSplit.Images;
        var images = valIdx.Take(GridImages).Select((idx, i) =>
            new SampleImage(vi.Columns, vi.Rows, 1, vi.Image(idx).ToArray(), va.Features.Labels[i], $"t10k #{idx} ({names[va.Features.Labels[i]]})")).ToArray();
        string description = $"FashionMNIST classes {FashionMnist.Describe(classes)} from {location.Directory} " +
            $"({trainIdx.Length} train, {valIdx.Length} validation from t10k), " + Describe(backbone, tr);
        return new TransferData(tr.Features, va.Features, description) { ValidationImages = images, Backbone = Summary(backbone, tr) };
    }

    private static BackboneSummary Summary(Backbone backbone, Extraction x) =>
        new(backbone.Name, backbone.Model.Path, backbone.Output, x.Features.Dimension, backbone.Preprocessing.Id);

    // Short enough for one console line; summary.json holds the backbone's output and preprocessing.
    private static string Describe(Backbone backbone, Extraction x) => $"backbone {backbone.Name}, {x.Features.Dimension}-d";

    private static Extraction Report(Extraction x, string split, Action<string> notice)
    {
        notice(x.CacheHit
            ? $"Features ({split}): {x.Features.Count} × {x.Features.Dimension} from the cache ({x.Elapsed.TotalSeconds:F2} s)."
            : $"Features ({split}): {x.Features.Count} × {x.Features.Dimension} computed in {x.Elapsed.TotalSeconds:F2} s and cached.");
        return x;
    }

    /// <summary>At most <paramref name="limit"/> items per class, chosen with the seed, in their original order.</summary>
    private static IReadOnlyList<LabelledImage> Limit(IReadOnlyList<LabelledImage> items, int? limit, int seed)
    {
        if (limit is not int max) return items;
        var keep = new HashSet<int>();
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => items[i].Label))
        {
            int[] of = group.ToArray();
            new Random(unchecked(seed * 1_000_003 + group.Key)).Shuffle(of);
            keep.UnionWith(of.Take(max));
        }
        return Enumerable.Range(0, items.Count).Where(keep.Contains).Select(i => items[i]).ToArray();
    }
}

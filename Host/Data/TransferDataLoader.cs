using System.Globalization;
using System.Text.Json;
using Qtl.Onnx;

namespace Qtl.Data;

/// <summary>
/// What the <c>train</c> verb asks for. <paramref name="DataPath"/>: an image folder (train/ and val/), a directory of
/// FashionMNIST IDX files, or null for the default FashionMNIST location. <paramref name="Classes"/>: FashionMNIST
/// classes (default 0, 1). <paramref name="FeatureOutput"/>: the backbone output or intermediate tensor to use.
/// <paramref name="PerClassLimit"/>: at most this many images per class in each split (seeded choice).
/// </summary>
public sealed record DataOptions(
    string? DataPath = null,
    string? BackbonePath = null,
    IReadOnlyList<int>? Classes = null,
    string? FeatureOutput = null,
    int? PerClassLimit = null,
    int Seed = 0,
    string? CacheDir = null);

/// <summary>The one entry point from options to features: picks the data source and backbone, extracts through the cache.</summary>
public static class TransferDataLoader
{
    public static readonly IReadOnlyList<int> DefaultClasses = [0, 1];

    /// <summary>Validation images kept for the report's prediction grid.</summary>
    public const int GridImages = 32;

    public static string DefaultBackbone => Path.Combine(FashionMnist.RepoRoot(), "assets", "models", "fashion-backbone.onnx");

    public static TransferData Load(DataOptions o, Action<string>? notice = null)
    {
        notice ??= _ => { };
        if (o.PerClassLimit is <= 0)
            throw new ArgumentException($"the per-class limit must be positive; got {o.PerClassLimit}.");
        if (o.DataPath is not null && !Directory.Exists(o.DataPath))
            throw new DirectoryNotFoundException($"data directory not found: {Path.GetFullPath(o.DataPath)}; give an image folder " +
                "(train/<class>/, val/<class>/) or a directory of FashionMNIST IDX files.");
        var extractor = new FeatureExtractor(new FeatureCache(o.CacheDir));
        return o.DataPath is not null && ImageFolder.IsImageFolder(o.DataPath)
            ? LoadFolder(o, extractor, notice)
            : LoadIdx(o, extractor, notice);
    }

    private static TransferData LoadFolder(DataOptions o, FeatureExtractor extractor, Action<string> notice)
    {
        if (o.Classes is not null)
            throw new ArgumentException("classes select FashionMNIST classes; an image folder uses all its class folders.");
        if (o.BackbonePath is null)
            throw new ArgumentException($"{Path.GetFullPath(o.DataPath!)} is an image folder: give a backbone ONNX model for it " +
                "(e.g. ResNet18 exported to ONNX, input [N,3,224,224]).");
        ImageFolder folder = ImageFolder.Open(o.DataPath!);
        OnnxModel model = OnnxModel.Open(o.BackbonePath);
        notice($"Image folder {folder.Root}: classes {string.Join(", ", folder.ClassNames)}; {folder.Train.Count} train, {folder.Validation.Count} val images.");
        var train = Limit(folder.Train, o.PerClassLimit, o.Seed);
        var val = Limit(folder.Validation, o.PerClassLimit, o.Seed + 1);
        Extraction tr = Report(extractor.FromFolder(model, folder, train, o.FeatureOutput), "train", notice);
        Extraction va = Report(extractor.FromFolder(model, folder, val, o.FeatureOutput, GridImages), "validation", notice);
        var images = va.Thumbnails.Select((t, i) => new SampleImage(va.ThumbnailSize, va.ThumbnailSize, 3, t, val[i].Label, folder.Relative(val[i].Path))).ToArray();
        string description = $"image folder {folder.Root} ({string.Join(", ", folder.ClassNames)}; {train.Count} train, {val.Count} validation), " +
            $"backbone {Path.GetFileName(model.Path)} output '{tr.OutputName}' ({tr.Features.Dimension}-d)";
        return new TransferData(tr.Features, va.Features, description) { ValidationImages = images };
    }

    private static TransferData LoadIdx(DataOptions o, FeatureExtractor extractor, Action<string> notice)
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
        string backbone = o.BackbonePath ?? DefaultBackbone;
        OnnxModel model = OnnxModel.Open(backbone);
        (IdxNormalisation norm, string? metaOutput) = ReadMetadata(model.Path, notice);
        string? output = o.FeatureOutput ?? metaOutput;
        string[] names = classes.Select(c => FashionMnist.ClassNames[c]).ToArray();

        FashionMnistSplit trainSplit = FashionMnist.Load(location, train: true);
        FashionMnistSplit valSplit = FashionMnist.Load(location, train: false);
        int[] trainIdx = FashionMnist.Select(trainSplit.Labels, classes, o.PerClassLimit, o.Seed);
        int[] valIdx = FashionMnist.Select(valSplit.Labels, classes, o.PerClassLimit, o.Seed + 1);
        Extraction tr = Report(extractor.FromIdx(model, trainSplit, trainIdx, classes, names, norm, output), "train", notice);
        Extraction va = Report(extractor.FromIdx(model, valSplit, valIdx, classes, names, norm, output), "validation", notice);

        IdxImages vi = valSplit.Images;
        var images = valIdx.Take(GridImages).Select((idx, i) =>
            new SampleImage(vi.Columns, vi.Rows, 1, vi.Image(idx).ToArray(), va.Features.Labels[i], $"t10k #{idx} ({names[va.Features.Labels[i]]})")).ToArray();
        string description = $"FashionMNIST classes {FashionMnist.Describe(classes)} from {location.Directory} " +
            $"({trainIdx.Length} train, {valIdx.Length} validation from t10k), backbone {Path.GetFileName(model.Path)} " +
            $"output '{tr.OutputName}' ({tr.Features.Dimension}-d)";
        return new TransferData(tr.Features, va.Features, description) { ValidationImages = images };
    }

    /// <summary>Normalisation and output name from the model's .json metadata; FashionMNIST constants if there is none.</summary>
    internal static (IdxNormalisation Norm, string? Output) ReadMetadata(string modelPath, Action<string> notice)
    {
        string json = Path.ChangeExtension(modelPath, ".json");
        if (!File.Exists(json))
        {
            notice($"{Path.GetFileName(modelPath)} has no {Path.GetFileName(json)} metadata; assuming FashionMNIST normalisation " +
                string.Create(CultureInfo.InvariantCulture, $"(pixel/255 - {IdxNormalisation.FashionMnist.Mean})/{IdxNormalisation.FashionMnist.Std}."));
            return (IdxNormalisation.FashionMnist, null);
        }
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
            JsonElement root = doc.RootElement;
            IdxNormalisation norm = IdxNormalisation.FashionMnist;
            if (root.TryGetProperty("normalisation", out JsonElement n))
                norm = new IdxNormalisation(Scalar(n.GetProperty("mean")), Scalar(n.GetProperty("std")));
            if (!(norm.Std > 0) || !double.IsFinite(norm.Mean))
                throw new InvalidDataException($"normalisation mean {norm.Mean}, std {norm.Std}: std must be positive.");
            string? output = root.TryGetProperty("output", out JsonElement o) && o.TryGetProperty("name", out JsonElement name) ? name.GetString() : null;
            return (norm, output);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"{json}: cannot read the model metadata ({e.Message}).", e);
        }
    }

    private static double Scalar(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 1 ? e[0].GetDouble() : e.GetDouble();

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

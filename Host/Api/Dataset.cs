using Qtl.Data;
using Qtl.Features;
using Qtl.IO;
using Qtl.Reports;
using Qtl.Training;

namespace Qtl;

/// <summary>
/// The features a transfer head trains on, with where they came from: FashionMNIST classes or an image folder run
/// through a frozen backbone (cached, so a second load is instant), or a feature table the caller already has.
/// </summary>
public sealed class Dataset
{
    private Dataset(TransferData data, DataOptions? options)
    {
        Data = data;
        Options = options;
    }

    public TransferData Data { get; }

    /// <summary>The options that made the features (saved with a run, so it can predict image files); null for a feature table.</summary>
    public DataOptions? Options { get; }

    public FeatureSet Train => Data.Train;
    public FeatureSet Validation => Data.Validation;
    public IReadOnlyList<string> ClassNames => Data.Train.ClassNames;
    public string Description => Data.Description;

    /// <summary>
    /// FashionMNIST classes (0 T-shirt/top … 9 Ankle boot) through the backbone: Debian's dataset-fashion-mnist, else the
    /// committed subset, or <paramref name="directory"/>. <paramref name="perClass"/> images per class and split, chosen
    /// with <paramref name="seed"/> (42: the seed <c>train</c> uses by default).
    /// </summary>
    /// <param name="backbone">An ONNX model; null for the ImageNet ResNet18 of ML.NET's package.</param>
    public static Dataset FashionMnist(IReadOnlyList<int> classes, int? perClass = null, int seed = 42, string? directory = null,
        string? backbone = null, Action<string>? log = null) =>
        Load(new DataOptions(directory, backbone, classes, PerClassLimit: perClass, Seed: seed), log);

    /// <summary>An image folder in torchvision's layout (<c>train/&lt;class&gt;/*</c>, <c>val/&lt;class&gt;/*</c>) through the backbone.</summary>
    public static Dataset ImageFolder(string folder, int? perClass = null, int seed = 42, string? backbone = null, Action<string>? log = null) =>
        Load(new DataOptions(folder, backbone, PerClassLimit: perClass, Seed: seed), log);

    /// <summary>Any data options, as <c>train</c> takes them.</summary>
    public static Dataset Load(DataOptions options, Action<string>? log = null) =>
        new(TransferDataLoader.Load(options, log), RunFolder.Absolute(options));

    /// <summary>Features computed elsewhere; a run trained on them predicts features, not image files.</summary>
    public static Dataset FromFeatures(FeatureSet train, FeatureSet validation, string description = "feature table")
    {
        if (!train.ClassNames.SequenceEqual(validation.ClassNames))
            throw new UserError($"the validation classes [{string.Join(", ", validation.ClassNames)}] differ from the training classes [{string.Join(", ", train.ClassNames)}].");
        if (train.Dimension != validation.Dimension)
            throw new UserError($"training features have dimension {train.Dimension}, validation features {validation.Dimension}; they must match.");
        return new(new TransferData(train, validation, description), null);
    }

    /// <summary>
    /// Two feature tables (CSV: an optional header line such as <c>label,f0,f1,…</c>, then a class label and its features per
    /// line); the classes are the training table's labels in ordinal order, as an image folder's.
    /// </summary>
    /// <param name="labelColumn">1-based column of the label (default the first); null for the last column.</param>
    public static Dataset FromCsv(string trainCsv, string validationCsv, int? labelColumn = 1)
    {
        var (trainFeatures, trainLabels) = FeatureTable.Read(trainCsv, labelColumn);
        var (validationFeatures, validationLabels) = FeatureTable.Read(validationCsv, labelColumn);
        string[] classes = trainLabels.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
            throw new UserError($"{Path.GetFullPath(trainCsv)} has one class ({classes[0]}); a head needs at least 2 to tell apart.");
        int[] Indices(string[] labels, string path) => labels.Select(l => Array.IndexOf(classes, l) is int c and >= 0 ? c
            : throw new UserError($"{Path.GetFullPath(path)}: class '{l}' is not among the training table's classes ({string.Join(", ", classes)}).")).ToArray();
        return FromFeatures(new FeatureSet(trainFeatures, Indices(trainLabels, trainCsv), classes),
            new FeatureSet(validationFeatures, Indices(validationLabels, validationCsv), classes),
            $"feature tables {Path.GetFullPath(trainCsv)} ({trainLabels.Length} train), {Path.GetFullPath(validationCsv)} ({validationLabels.Length} validation)");
    }

    /// <summary>
    /// Writes FashionMNIST classes as PNG files in torchvision's ImageFolder layout: <c>train/&lt;class&gt;/</c> and
    /// <c>val/&lt;class&gt;/</c> hold the train and t10k images that <see cref="FashionMnist"/> chooses with the same arguments,
    /// for pipelines that start from image files (ML.NET's <c>LoadImages</c>, <see cref="ImageFolder"/>). A class folder is
    /// the class name with '/' written as '-' (T-shirt-top). Returns the folder's full path.
    /// </summary>
    public static string WriteFashionMnistImages(string folder, IReadOnlyList<int> classes, int perClass, int seed = 42, string? directory = null)
    {
        if (perClass < 1) throw new UserError($"perClass is {perClass}; allowed: 1 or more.");
        var location = Qtl.Data.FashionMnist.Locate(directory);
        foreach (var (split, train, splitSeed) in new[] { ("train", true, seed), ("val", false, seed + 1) })
        {
            var images = Qtl.Data.FashionMnist.Load(location, train);
            foreach (int index in Qtl.Data.FashionMnist.Select(images.Labels, classes, perClass, splitSeed))
            {
                string name = Qtl.Data.FashionMnist.ClassNames[images.Labels[index]];
                string dir = Path.Combine(folder, split, name.Replace('/', '-'));
                Directory.CreateDirectory(dir);
                var image = new SampleImage(images.Images.Columns, images.Images.Rows, 1, images.Images.Image(index).ToArray(), images.Labels[index], name);
                AtomicFile.WriteAllBytes(Path.Combine(dir, $"{index:D5}.png"), Png.Encode(image));
            }
        }
        return Path.GetFullPath(folder);
    }

    /// <summary>Writes validation image <paramref name="index"/> as a PNG file (e.g. to try <see cref="TrainedHead.Predict(string)"/> on it).</summary>
    public string SaveImage(int index, string path)
    {
        var images = Data.ValidationImages;
        if (index < 0 || index >= images.Count)
            throw new UserError(images.Count == 0
                ? "this data set keeps no validation images (a feature table has none)."
                : $"validation image {index} does not exist; allowed: 0 to {images.Count - 1} (the first {images.Count} are kept).");
        AtomicFile.WriteAllBytes(path, Png.Encode(images[index]));
        return Path.GetFullPath(path);
    }
}

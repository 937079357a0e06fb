using Qtl.IO;

namespace Qtl.Data;

/// <summary>FashionMNIST (Xiao, Rasul &amp; Vollgraf 2017): class names, locating the IDX files, selecting classes.</summary>
public static class FashionMnist
{
    public const string SystemDirectory = "/usr/share/datasets/fashion-mnist";

    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private static readonly string[] TrainFiles = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"];
    private static readonly string[] TestFiles = ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    public static string SubsetDirectory => SourceTree.Asset("fashion-mnist-subset");

    /// <summary>An explicit directory if given (it must hold the files), else the Debian package's files if
    /// installed, else the committed subset.</summary>
    public static FashionMnistLocation Locate(string? directory = null)
    {
        if (directory is not null)
        {
            string full = Path.GetFullPath(directory);
            if (!Directory.Exists(full))
                throw new DirectoryNotFoundException($"FashionMNIST directory not found: {full}");
            foreach (string name in TrainFiles.Concat(TestFiles))
                FindFile(full, name);
            return new FashionMnistLocation(full, FashionMnistSource.Explicit);
        }
        if (HasAllFiles(SystemDirectory))
            return new FashionMnistLocation(SystemDirectory, FashionMnistSource.SystemPackage);
        string subset = SubsetDirectory;
        if (HasAllFiles(subset))
            return new FashionMnistLocation(subset, FashionMnistSource.CommittedSubset);
        throw new DirectoryNotFoundException(
            $"FashionMNIST not found: neither {SystemDirectory} (apt install dataset-fashion-mnist) nor the committed subset {subset}; pass --data DIR.");
    }

    /// <summary>Reads the training split (train-*) or the test split (t10k-*) of a location.</summary>
    public static FashionMnistSplit Load(FashionMnistLocation location, bool train)
    {
        string[] names = train ? TrainFiles : TestFiles;
        string images = FindFile(location.Directory, names[0]), labels = FindFile(location.Directory, names[1]);
        (IdxImages idx, byte[] l) = IdxReader.ReadPair(images, labels);
        if (idx.Rows != 28 || idx.Columns != 28)
            throw new InvalidDataException($"{images} holds {idx.Rows}×{idx.Columns} images; FashionMNIST images are 28×28.");
        int bad = Array.FindIndex(l, v => v >= ClassNames.Count);
        if (bad >= 0)
            throw new InvalidDataException($"{labels}: label {l[bad]} at index {bad}; FashionMNIST labels are 0 to 9.");
        return new FashionMnistSplit(idx, l, images, labels);
    }

    /// <summary>Checks a class list: at least two distinct classes, each in 0..9.</summary>
    public static void ValidateClasses(IReadOnlyList<int> classes)
    {
        foreach (int c in classes)
            if (c < 0 || c >= ClassNames.Count)
                throw new UserError($"class {c} is out of range; FashionMNIST classes are 0 to 9 ({Describe(Enumerable.Range(0, 10).ToArray())}).");
        if (classes.Distinct().Count() != classes.Count)
            throw new UserError($"classes {string.Join(",", classes)} repeat a class; give each class once.");
        if (classes.Count < 2)
            throw new UserError($"{classes.Count} class given; at least 2 are needed.");
    }

    /// <summary>
    /// Indices of the images of <paramref name="classes"/>, at most <paramref name="perClassLimit"/> per class
    /// (a seeded random choice per class), in file order so the classes stay interleaved as in the original.
    /// </summary>
    public static int[] Select(byte[] labels, IReadOnlyList<int> classes, int? perClassLimit, int seed)
    {
        ValidateClasses(classes);
        if (perClassLimit is <= 0)
            throw new UserError($"the per-class limit must be positive; got {perClassLimit}.");
        var chosen = new List<int>();
        foreach (int c in classes)
        {
            int[] of = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            if (of.Length == 0)
                throw new InvalidDataException($"the data holds no images of class {c} ({ClassNames[c]}).");
            if (perClassLimit is int limit && limit < of.Length)
            {
                // One generator per class, so a class's sample does not depend on which other classes are chosen.
                new Random(unchecked(seed * 1_000_003 + c)).Shuffle(of);
                of = of[..limit];
            }
            chosen.AddRange(of);
        }
        chosen.Sort();
        return chosen.ToArray();
    }

    public static string Describe(IReadOnlyList<int> classes) => string.Join(", ", classes.Select(c => $"{c} {ClassNames[c]}"));

    private static bool HasAllFiles(string dir) =>
        Directory.Exists(dir) && TrainFiles.Concat(TestFiles).All(n => File.Exists(Path.Combine(dir, n + ".gz")) || File.Exists(Path.Combine(dir, n)));

    private static string FindFile(string dir, string name)
    {
        string gz = Path.Combine(dir, name + ".gz"), raw = Path.Combine(dir, name);
        if (File.Exists(gz)) return gz;
        if (File.Exists(raw)) return raw;
        throw new FileNotFoundException($"{dir} has no {name}.gz (or {name}); FashionMNIST needs train-images-idx3-ubyte, " +
            "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, gzip'd or not.", gz);
    }
}

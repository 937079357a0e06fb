namespace Qtl.Data;

/// <summary>
/// A torchvision ImageFolder pair: <c>root/train/&lt;class&gt;/*</c> and <c>root/val/&lt;class&gt;/*</c> (e.g. the
/// hymenoptera ants/bees set). Class names are the folder names sorted ordinally, as torchvision sorts them,
/// so label indices agree with a PyTorch run on the same folder; images are found recursively and sorted.
/// Hidden folders and files (starting with '.') are skipped.
/// </summary>
public sealed record ImageFolder(string Root, IReadOnlyList<string> ClassNames, IReadOnlyList<LabelledImage> Train, IReadOnlyList<LabelledImage> Validation)
{
    public static readonly IReadOnlyList<string> Extensions = [".jpg", ".jpeg", ".png"];

    /// <summary>True if the path is a directory with train/ and val/ subfolders.</summary>
    public static bool IsImageFolder(string path) =>
        Directory.Exists(Path.Combine(path, "train")) && Directory.Exists(Path.Combine(path, "val"));

    /// <summary>Reads the layout, with errors that say what is missing and where.</summary>
    public static ImageFolder Open(string root)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"image folder not found: {root}");
        string train = Path.Combine(root, "train"), val = Path.Combine(root, "val");
        foreach (string split in new[] { train, val })
            if (!Directory.Exists(split))
                throw new DirectoryNotFoundException(
                    $"{root} has no {Path.GetFileName(split)}/ folder; an image folder needs train/<class>/*.jpg and val/<class>/*.jpg.");
        string[] classes = Classes(train);
        string[] valClasses = Classes(val);
        if (!classes.SequenceEqual(valClasses, StringComparer.Ordinal))
        {
            string missing = string.Join(", ", classes.Except(valClasses).Select(c => $"'{c}'"));
            string extra = string.Join(", ", valClasses.Except(classes).Select(c => $"'{c}'"));
            throw new InvalidDataException($"the classes of {val} differ from those of {train}" +
                (missing.Length > 0 ? $"; missing in val: {missing}" : "") + (extra.Length > 0 ? $"; only in val: {extra}" : "") + ".");
        }
        return new ImageFolder(root, classes, Images(train, classes), Images(val, classes));
    }

    /// <summary>Path of an image relative to the root, with '/' separators (stable across machines, for the cache key).</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string[] Classes(string split)
    {
        string[] classes = Directory.GetDirectories(split)
            .Select(d => Path.GetFileName(d))
            .Where(n => !n.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (classes.Length < 2)
            throw new InvalidDataException(classes.Length == 0
                ? $"found no class folders in {split}; at least 2 are needed (e.g. {split}/ants, {split}/bees)."
                : $"found 1 class '{classes[0]}' in {split}; at least 2 are needed.");
        return classes;
    }

    private static LabelledImage[] Images(string split, string[] classes)
    {
        var items = new List<LabelledImage>();
        for (int label = 0; label < classes.Length; label++)
        {
            string dir = Path.Combine(split, classes[label]);
            string[] files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
                throw new InvalidDataException($"class '{classes[label]}' has no images in {dir} (looked for {string.Join(", ", Extensions)}).");
            items.AddRange(files.Select(f => new LabelledImage(f, label)));
        }
        return items.ToArray();
    }
}

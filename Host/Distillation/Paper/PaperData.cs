using System.Collections.Concurrent;
using Qtl.Data;

namespace Qtl.Distillation.Paper;

/// <summary>
/// The published splits: the first N images per class of the train split (training) and of the test split
/// (the "test subset" the paper scores and selects epochs on). For held-out selection: the next N per class of the
/// train split (validation) and the whole test split of the classes (test).
/// </summary>
public sealed record PaperData(PaperSplit Train, PaperSplit TestSubset, PaperSplit Validation, PaperSplit Test, FashionMnistLocation Location)
{
    private static readonly ConcurrentDictionary<string, PaperData> Loaded = new();

    public static PaperData Load(IReadOnlyList<int> classes, int perClass, string? dataDirectory)
    {
        var location = FashionMnist.Locate(dataDirectory);
        return Loaded.GetOrAdd($"{location.Directory}|{string.Join(",", classes)}|{perClass}", _ =>
        {
            var (train, test) = (KdData.File(location, train: true), KdData.File(location, train: false));
            PaperSplit Take(FashionMnistSplit file, int skip, int? take) =>
                PaperSplit.From(KdData.Split(file, FirstPerClass(file.Labels, classes, skip, take), classes));
            return new PaperData(Take(train, 0, perClass), Take(test, 0, perClass), Take(train, perClass, perClass), Take(test, 0, null), location);
        });
    }

    /// <summary>Per class in turn (as the published code appends them), its images number skip .. skip+take−1 in file order.</summary>
    public static int[] FirstPerClass(byte[] labels, IReadOnlyList<int> classes, int skip, int? take)
    {
        var chosen = new List<int>();
        foreach (int c in classes)
        {
            var of = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).Skip(skip);
            var taken = (take is int t ? of.Take(t) : of).ToArray();
            if (taken.Length == 0)
                throw new InvalidDataException($"the data holds no images of class {c} ({FashionMnist.ClassNames[c]}) after the first {skip}.");
            chosen.AddRange(taken);
        }
        return chosen.ToArray();
    }
}

using Qtl.Backbones;
using System.Collections.Concurrent;
using Qtl.Data;

namespace Qtl.Distillation;

/// <summary>The training sample (PerClass per class, seeded) and the test split of the same classes.</summary>
public sealed record KdData(KdSplit Train, KdSplit Test, FashionMnistLocation Location)
{
    private static readonly ConcurrentDictionary<(string, bool), FashionMnistSplit> Files = new();

    public static KdData Load(DistillationOptions options)
    {
        var location = FashionMnist.Locate(options.DataDirectory);
        var (train, test) = (File(location, train: true), File(location, train: false));
        int[] trainIndices = FashionMnist.Select(train.Labels, options.Classes, options.PerClass, options.Seed);
        // The test set does not depend on the seed: every run of a table is scored on the same images.
        int[] testIndices = FashionMnist.Select(test.Labels, options.Classes, options.TestPerClass, 0);
        return new KdData(Split(train, trainIndices, options.Classes), Split(test, testIndices, options.Classes), location);
    }

    /// <summary>A split's file, loaded once per process.</summary>
    internal static FashionMnistSplit File(FashionMnistLocation location, bool train) =>
        Files.GetOrAdd((location.Directory, train), _ => FashionMnist.Load(location, train));

    internal static KdSplit Split(FashionMnistSplit file, int[] indices, IReadOnlyList<int> classes)
    {
        var pixels = new double[indices.Length][];
        var labels = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            var image = file.Images.Image(indices[i]);
            var row = pixels[i] = new double[image.Length];
            for (int j = 0; j < image.Length; j++) row[j] = (image[j] / 255.0 - GreyPreprocessing.FashionMnistMean) / GreyPreprocessing.FashionMnistStd;
            labels[i] = IndexOf(classes, file.Labels[indices[i]]);
        }
        return new KdSplit(pixels, labels, indices, file);
    }

    private static int IndexOf(IReadOnlyList<int> classes, int label)
    {
        for (int k = 0; k < classes.Count; k++) if (classes[k] == label) return k;
        throw new InvalidDataException($"label {label} is not among the classes.");
    }
}

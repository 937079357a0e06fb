namespace Qtl.Features;

/// <summary>
/// Feature vectors with class labels: what a frozen backbone makes of a labelled image set,
/// and what every trainable head consumes. Labels index <see cref="ClassNames"/>.
/// </summary>
public sealed record FeatureSet
{
    public FeatureSet(double[][] features, int[] labels, IReadOnlyList<string> classNames)
    {
        if (features.Length != labels.Length)
            throw new ArgumentException($"{features.Length} feature vectors but {labels.Length} labels.");
        if (features.Length == 0)
            throw new ArgumentException("the feature set is empty; at least one sample is needed.");
        int dim = features[0].Length;
        for (int i = 0; i < features.Length; i++)
        {
            if (features[i].Length != dim)
                throw new ArgumentException($"sample {i} has {features[i].Length} features; sample 0 has {dim}.");
            if (labels[i] < 0 || labels[i] >= classNames.Count)
                throw new ArgumentException($"sample {i} has label {labels[i]}; allowed: 0 to {classNames.Count - 1}.");
            int bad = Array.FindIndex(features[i], v => !double.IsFinite(v));
            if (bad >= 0)
                throw new ArgumentException($"sample {i} has a non-finite feature ({features[i][bad]}) at index {bad}.");
        }
        Features = features;
        Labels = labels;
        ClassNames = classNames;
    }

    public double[][] Features { get; }
    public int[] Labels { get; }
    public IReadOnlyList<string> ClassNames { get; }
    public int Count => Labels.Length;
    public int Dimension => Features[0].Length;
}

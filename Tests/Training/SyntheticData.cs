using Qtl.Features;

namespace Qtl.Tests.Training;

/// <summary>Two Gaussian blobs in F dimensions: a task any head can learn, made without a backbone.</summary>
internal static class SyntheticData
{
    public static TransferData Blobs(int perClass, int features, int seed)
    {
        var rng = new Random(seed);
        FeatureSet Split(int count)
        {
            var x = new List<double[]>();
            var y = new List<int>();
            for (int c = 0; c < 2; c++)
                for (int i = 0; i < count; i++)
                {
                    x.Add(Enumerable.Range(0, features).Select(f => (c == 0 ? -1.0 : 1.0) * (f % 2 == 0 ? 1 : 0.5) + 0.7 * (rng.NextDouble() * 2 - 1)).ToArray());
                    y.Add(c);
                }
            return new FeatureSet(x.ToArray(), y.ToArray(), ["left", "right"]);
        }
        return new TransferData(Split(perClass), Split(perClass / 2), "synthetic blobs");
    }
}

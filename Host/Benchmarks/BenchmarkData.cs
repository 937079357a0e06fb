using System.Security.Cryptography;
using Qtl.Features;

namespace Qtl.Benchmarks;

/// <summary>The benchmark's training set (cross-validation and refits draw from it) and its test set (scored once per refit).</summary>
public sealed record BenchmarkData(FeatureSet Train, FeatureSet Test, string Description)
{
    /// <summary>SHA-256 of every feature, label and class name: shards and their merge must have read the same data.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var set in new[] { Train, Test })
        {
            foreach (string name in set.ClassNames) hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            for (int i = 0; i < set.Count; i++)
            {
                hash.AppendData(BitConverter.GetBytes(set.Labels[i]));
                foreach (double v in set.Features[i]) hash.AppendData(BitConverter.GetBytes(v));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

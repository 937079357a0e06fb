using Qtl.Data;

namespace Qtl.Benchmarks;

/// <summary>A binary FashionMNIST task of the benchmark.</summary>
public sealed record BenchmarkTask(int First, int Second)
{
    public int[] Classes => [First, Second];
    public string Name => $"{FashionMnist.ClassNames[First]} vs {FashionMnist.ClassNames[Second]}";
}

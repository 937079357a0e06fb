namespace Qtl.Training;

/// <summary>The order in which an epoch visits the training samples, and how many make one optimiser step.</summary>
public interface ISampler
{
    int BatchSize { get; }

    /// <summary>Whether <see cref="Order"/> depends only on the epoch, so a resumed run visits what an uninterrupted one would.</summary>
    bool Resumable { get; }

    /// <summary>The sample indices of <paramref name="epoch"/> (0-based), each once.</summary>
    int[] Order(int count, int epoch);
}

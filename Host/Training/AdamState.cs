using Qtl.Model;

namespace Qtl.Training;

/// <summary>An Adam optimiser's step count and moments, as a checkpoint stores them.</summary>
public sealed record AdamState(long Steps, double[][] First, double[][] Second)
{
    public static AdamState Of(Adam adam) => new(adam.Steps,
        adam.FirstMoments.Select(m => (double[])m.Clone()).ToArray(), adam.SecondMoments.Select(m => (double[])m.Clone()).ToArray());

    /// <summary>Restores this state into <paramref name="adam"/>, after checking it has the same parameter shapes.</summary>
    public void RestoreInto(Adam adam)
    {
        bool same = First.Length == adam.FirstMoments.Length && Second.Length == adam.SecondMoments.Length
            && First.Zip(adam.FirstMoments).All(p => p.First.Length == p.Second.Length)
            && Second.Zip(adam.SecondMoments).All(p => p.First.Length == p.Second.Length);
        if (!same) throw new InvalidDataException("the checkpoint's optimiser state does not match the model.");
        adam.Restore(Steps, First, Second);
    }
}

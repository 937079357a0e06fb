namespace Qtl.Hardware;

/// <summary>One cell of the study: accuracy at one noise level and shot count, over the repeats.</summary>
public sealed record NoiseStudyPoint(double Noise, int Shots, string Source, double Mean, double Std, IReadOnlyList<double> Accuracies, double Seconds)
{
    public string ShotsLabel => Shots == 0 ? "exact" : Shots.ToString();
}

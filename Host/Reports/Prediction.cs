using Qtl.Data;

namespace Qtl.Reports;

/// <summary>One classified image: the model's predicted class and its probability; the true class is <see cref="SampleImage.Label"/>.</summary>
public sealed record Prediction(SampleImage Image, int Predicted, double Probability)
{
    public bool Correct => Predicted == Image.Label;
}

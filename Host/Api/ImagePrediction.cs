namespace Qtl;

/// <summary>A trained head's answer for one image file: the predicted class, its probability and every class's.</summary>
public sealed record ImagePrediction(string File, string Label, double Probability, IReadOnlyDictionary<string, double> Probabilities);

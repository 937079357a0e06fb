namespace Qtl.Distillation;

/// <summary>Distilled minus alone, paired by seed: mean and std over pairs (fractions), how many positive, of how many.</summary>
public sealed record PairedGain(double Mean, double Std, int Positive, int Count);

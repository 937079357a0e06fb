namespace Qtl;

/// <summary>One point of a line with error bars: a series' mean (± std) at x, e.g. accuracy at a noise level.</summary>
public sealed record ErrorPoint(string Series, double X, double Mean, double Std = 0);

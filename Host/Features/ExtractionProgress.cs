namespace Qtl.Features;

/// <summary>How far an extraction is: <paramref name="Done"/> of <paramref name="Total"/> images of a split.</summary>
public readonly record struct ExtractionProgress(string Split, int Done, int Total);

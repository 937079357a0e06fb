namespace Qtl.Data;

/// <summary>An image file and the index of its class.</summary>
public sealed record LabelledImage(string Path, int Label);

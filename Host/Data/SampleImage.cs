namespace Qtl.Data;

/// <summary>A small image kept for reports: width × height × channels bytes, row-major, channels last.</summary>
public sealed record SampleImage(int Width, int Height, int Channels, byte[] Pixels, int Label, string Name);

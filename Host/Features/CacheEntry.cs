namespace Qtl.Features;

/// <summary>A cached extraction: float32 features [N, ...] plus optional extra bytes (thumbnails).</summary>
public sealed record CacheEntry(float[] Data, int[] Dims, byte[] Extra);

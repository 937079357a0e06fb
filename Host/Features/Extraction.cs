namespace Qtl.Features;

/// <summary>Features of one split, whether they came from the cache, how long that took, and RGB thumbnails (folders only).</summary>
public sealed record Extraction(FeatureSet Features, bool CacheHit, TimeSpan Elapsed, IReadOnlyList<byte[]> Thumbnails, int ThumbnailSize);

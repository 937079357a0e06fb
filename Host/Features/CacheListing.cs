namespace Qtl.Features;

/// <summary>One feature cache entry as <see cref="FeatureCache.List"/> sees it; <see cref="Description"/> is null for entries written before descriptions were.</summary>
/// <param name="Bytes">The entry's size on disk.</param>
/// <param name="Count">Feature rows, from the entry's header; null if the header is unreadable.</param>
public sealed record CacheListing(string Key, long Bytes, int? Count, CacheDescription? Description, DateTime WrittenUtc);

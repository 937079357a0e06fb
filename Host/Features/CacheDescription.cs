namespace Qtl.Features;

/// <summary>
/// What a feature cache entry holds, for people (<c>qtl cache list</c>) and for clearing by backbone; the entry's key
/// is a hash and says nothing. Kept in the entry's header.
/// </summary>
/// <param name="Backbone">As <c>--backbone</c> names it: <c>resnet18</c>, or the model's full path.</param>
/// <param name="BackboneName">What the reports call it.</param>
/// <param name="Data">The IDX images file or the image folder the features came from.</param>
/// <param name="Split">train, validation, predict, …</param>
/// <param name="Count">Images (feature rows).</param>
public sealed record CacheDescription(string Backbone, string BackboneName, string Data, string Split, int Count);

namespace Qtl.Features;

/// <summary>
/// What the <c>train</c> verb asks for. <paramref name="DataPath"/>: an image folder (train/ and val/), a directory of
/// FashionMNIST IDX files, or null for the default FashionMNIST location. <paramref name="BackbonePath"/>: an ONNX model,
/// or null for the ImageNet ResNet18 of ML.NET's package. <paramref name="Classes"/>: FashionMNIST classes (default 0, 1).
/// <paramref name="FeatureOutput"/>: the backbone output to use. <paramref name="PerClassLimit"/>: at most this many images
/// per class in each split (seeded choice). <paramref name="Preprocessing"/>: overrides what the backbone declares.
/// </summary>
public sealed record DataOptions(
    string? DataPath = null,
    string? BackbonePath = null,
    IReadOnlyList<int>? Classes = null,
    string? FeatureOutput = null,
    int? PerClassLimit = null,
    int Seed = 0,
    string? CacheDir = null,
    string? Preprocessing = null);

using Qtl.Data;

namespace Qtl.Features;

/// <summary>Training and validation features of one transfer task, with where they came from.</summary>
public sealed record TransferData(FeatureSet Train, FeatureSet Validation, string Description)
{
    /// <summary>Images of the first validation samples (ValidationImages[i] is validation sample i), for prediction grids; may be empty.</summary>
    public IReadOnlyList<SampleImage> ValidationImages { get; init; } = [];

    /// <summary>The backbone that made the features, when they came from one.</summary>
    public BackboneSummary? Backbone { get; init; }
}

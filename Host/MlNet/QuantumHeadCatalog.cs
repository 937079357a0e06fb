using Qtl.MlNet;

namespace Microsoft.ML;

/// <summary>
/// The dressed quantum circuit as an ML.NET multiclass trainer, in ML.NET's namespace as its own trainer packages put
/// theirs (LightGbm's <c>LightGbmExtensions</c>), so <c>using Microsoft.ML;</c> finds it on
/// <c>ml.MulticlassClassification.Trainers</c>. Two classes are a multiclass task here as for ML.NET's own maximum-entropy
/// trainers: the head's post-net always gives one logit per class under a softmax, where ML.NET's binary convention
/// (a Boolean label, one margin Score, a calibrated Probability) would need a second scoring path beside the exported graph.
/// </summary>
public static class QuantumHeadCatalog
{
    /// <summary>The quantum head with the published recipe, on the given columns (Label: a key; Features: a known-size float vector).</summary>
    public static QuantumHeadTrainer QuantumHead(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features") =>
        catalog.QuantumHead(new QuantumHeadTrainer.Options { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>The quantum head with <paramref name="options"/> (the recipe, backend, gradient, shots, columns, validation set).</summary>
    public static QuantumHeadTrainer QuantumHead(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        QuantumHeadTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new QuantumHeadTrainer(options);
    }
}

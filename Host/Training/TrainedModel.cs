using Qtl.Model;
using Qtl.Quantum;

namespace Qtl.Training;

/// <summary>
/// A trained head, immutable: the options and data shape that produced it, its best
/// parameters by validation accuracy, and the history of every epoch.
/// </summary>
public sealed record TrainedModel(
    HeadKind Kind,
    TrainingOptions Options,
    IReadOnlyList<string> ClassNames,
    int FeatureDimension,
    IReadOnlyDictionary<string, double[]> Parameters,
    int BestEpoch,
    double BestValidationAccuracy,
    IReadOnlyList<EpochMetrics> History,
    double Seconds)
{
    /// <summary>Rebuilds the head with these parameters, ready for inference.</summary>
    public Head Build(IQuantumBackend? backend = null)
    {
        var head = Heads.Create(Kind, FeatureDimension, ClassNames.Count, Options, backend);
        Parameter.LoadAll(head.Parameters, Parameters, "the model");
        return head;
    }

    /// <summary>Logits for the given features, in chunks so one backend call stays bounded.</summary>
    public double[][] Logits(double[][] features, IQuantumBackend? backend = null)
    {
        if (features.Length > 0 && features[0].Length != FeatureDimension)
            throw new UserError(
                $"the features have dimension {features[0].Length}, but this {Kind.Text()} model was trained on dimension {FeatureDimension}; use the backbone it was trained with.");
        return Build(backend).Predict(features);
    }
}

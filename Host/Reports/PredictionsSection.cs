namespace Qtl.Reports;

/// <summary>A grid of images with predicted vs true class, like the demo's "visualize_model" figure.</summary>
public sealed record PredictionsSection : ReportSection
{
    public PredictionsSection(string title, IReadOnlyList<Prediction> predictions, IReadOnlyList<string> classNames) : base(title)
    {
        foreach (var p in predictions)
        {
            if (p.Predicted < 0 || p.Predicted >= classNames.Count || p.Image.Label < 0 || p.Image.Label >= classNames.Count)
                throw new ArgumentException($"prediction for '{p.Image.Name}' uses class {p.Predicted} (true {p.Image.Label}); allowed: 0 to {classNames.Count - 1}.", nameof(predictions));
            if (!(p.Probability is >= 0 and <= 1))
                throw new ArgumentException($"prediction for '{p.Image.Name}' has probability {p.Probability}; allowed: 0 to 1.", nameof(predictions));
        }
        Predictions = predictions;
        ClassNames = classNames;
    }

    public IReadOnlyList<Prediction> Predictions { get; }
    public IReadOnlyList<string> ClassNames { get; }
}

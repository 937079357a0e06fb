namespace Qtl.MlNet;

/// <summary>What a prediction engine on a pipeline ending in the quantum head (and <c>MapKeyToValue("PredictedLabel")</c>) gives for one row.</summary>
public sealed class QuantumHeadPrediction
{
    /// <summary>The class name.</summary>
    public string PredictedLabel { get; set; } = "";

    /// <summary>The class probabilities, in the label key's order.</summary>
    public float[] Score { get; set; } = [];
}

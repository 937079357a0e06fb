namespace Qtl.Distillation.Paper;

/// <summary>Which epoch's model is reported.</summary>
public enum PaperSelection
{
    /// <summary>The published code: the best accuracy on the test subset over the epochs (selection on test data).</summary>
    BestTestEpoch,
    /// <summary>The epoch with the best accuracy on a validation subset of the train split, scored once on the whole test split.</summary>
    HeldOut,
}

namespace Qtl.Distillation.Paper;

/// <summary>What the published students put after the circuit's 2^n frequencies p (nothing here is trainable).</summary>
public enum PaperHead
{
    /// <summary>softmax(p), 2^n outputs, then cross-entropy (a second softmax): the 3-qubit 0-5 baseline.</summary>
    Softmax,
    /// <summary>[sigmoid(p), 1 − sigmoid(p)], 2·2^n outputs: the distilled students and the 4-qubit baseline.</summary>
    SigmoidPair,
}

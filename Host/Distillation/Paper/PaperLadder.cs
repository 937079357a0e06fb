using Qtl.Quantum.Gradients;
namespace Qtl.Distillation.Paper;

/// <summary>
/// The published protocol, then one change at a time, each on top of the ones before: the rung a cell runs at is
/// <see cref="PaperOptions.ForCell"/> with every earlier rung's change applied.
/// </summary>
public static class PaperLadder
{
    public static readonly IReadOnlyList<PaperStep> Steps =
    [
        new("paper", "the published protocol", o => o),
        new("kd-everywhere", "the LeNet → 0-7, 4-qubit KD term reaches the student (in the code it is the teacher's own CE)",
            o => o with { KdReachesStudent = true }),
        new("same-head", "the 3-qubit 0-5 student alone gets the distilled students' sigmoid head (not softmax twice)",
            o => o with { Head = PaperHead.SigmoidPair }),
        new("exact-shift", "exact shift rule: π/2 and divided by 2 (not π/4 undivided, √2 × the gradient)",
            o => o with { Rule = ShiftRule.Exact }),
        new("held-out", "epoch chosen on a validation subset of the train split (images 150-299 per class), scored once on the whole test split",
            o => o with { Selection = PaperSelection.HeldOut }),
        new("entangling", "3 trainable [CNOT layers; RY(w)] blocks after the encoding (the repository's default student circuit)",
            o => o with { Depth = 3 }),
    ];

    /// <summary>The options of a cell at rung <paramref name="step"/> (0 = the published protocol).</summary>
    public static PaperOptions Configure(int step, ClassSubset subset, int qubits, TeacherChoice teacher, int seed)
    {
        var o = PaperOptions.ForCell(subset, qubits, teacher, seed);
        for (int s = 0; s <= step; s++) o = Steps[s].Apply(o);
        return o;
    }
}

namespace Qtl.Distillation.Paper;

/// <summary>One rung of the ablation ladder: a name, the one change it makes, and that change (applied on top of every earlier rung).</summary>
public sealed record PaperStep(string Name, string Change, Func<PaperOptions, PaperOptions> Apply);

namespace Qtl;

/// <summary>One bar of a grouped bar chart: a model's mean (± std over runs) within a group such as a task.</summary>
public sealed record BarValue(string Group, string Model, double Mean, double Std = 0);

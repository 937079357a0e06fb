using Qtl.Model;

namespace Qtl.Training;

/// <summary>Parameters that share one Adam optimiser and one learning-rate schedule (as PyTorch's param_groups).</summary>
public sealed record ParameterGroup(string Name, IReadOnlyList<Parameter> Parameters, StepLR LearningRate);

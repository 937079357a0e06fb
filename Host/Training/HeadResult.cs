namespace Qtl.Training;

/// <summary>The result of one head in an experiment: the model and its validation evaluation.</summary>
public sealed record HeadResult(TrainedModel Model, Evaluation Validation, string Description, int ParameterCount);

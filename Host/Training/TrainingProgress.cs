using Qtl.Model;

namespace Qtl.Training;

/// <summary>Progress of a run, for progress bars.</summary>
public sealed record TrainingProgress(HeadKind Kind, int Epoch, int Epochs, int Step, int StepsPerEpoch);

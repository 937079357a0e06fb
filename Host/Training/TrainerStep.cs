namespace Qtl.Training;

/// <summary>One optimiser step done: <paramref name="Epoch"/> is 0-based, <paramref name="Step"/> 1-based.</summary>
public sealed record TrainerStep(int Epoch, int Epochs, int Step, int Steps);

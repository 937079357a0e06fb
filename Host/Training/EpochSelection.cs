using Qtl.Model;

namespace Qtl.Training;

/// <summary>
/// Which epoch's parameters a run keeps: after every epoch <see cref="Score"/> scores the model (in evaluation mode)
/// on the selection split, and the first epoch of the highest accuracy wins (a tie keeps the earlier one).
/// The split is the caller's choice: validation for transfer heads, the paper's test subset under its protocol.
/// </summary>
public sealed record EpochSelection(Func<Head, SplitScore> Score);

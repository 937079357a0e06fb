namespace Qtl.Training;

/// <summary>What a checkpoint holds: any state whose numbers <see cref="Checkpoint"/> checks when it reads the file.</summary>
public interface ICheckpointState
{
    /// <summary>Every array of numbers in the state, named by its field, so a NaN is reported where it is.</summary>
    IEnumerable<(string Field, double[] Values)> NumericFields();
}

namespace Qtl.Training;

/// <summary>
/// The published students' sampling: one generator, shared with initial weights and dropout, shuffles the previous
/// epoch's order again every epoch (PyTorch's <c>shuffle=True</c> on one seeded generator). Its order depends on
/// everything the generator drew before, so a run cannot resume part-way.
/// </summary>
public sealed class GeneratorShuffle(Random generator, int batchSize = 1) : ISampler
{
    private int[] _order = [];

    public int BatchSize { get; } = batchSize;
    public bool Resumable => false;

    public int[] Order(int count, int epoch)
    {
        if (_order.Length != count) _order = Enumerable.Range(0, count).ToArray();
        generator.Shuffle(_order);
        return (int[])_order.Clone();
    }
}

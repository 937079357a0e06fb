using System.Diagnostics;
using Qtl.Quantum;

namespace Qtl.Benchmarks;

/// <summary>
/// Runs a benchmark folder's cells: those already in its <see cref="CellStore"/> are read, the rest computed (several at
/// once; each cell depends on its key alone, so the bits do not depend on the thread count) and written as they finish.
/// <see cref="Finish"/> takes every cross-validation cell, fixes the choices, runs the test cells and gives the results.
/// </summary>
public sealed class BenchmarkRunner(BenchmarkData data, BenchmarkOptions options, string dir)
{
    private readonly CellStore _store = new(dir);
    private readonly CellRunner _cells = new(data, options);

    public event Action<CellProgress>? CellCompleted;

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Every cell of <paramref name="keys"/>, in their order.</summary>
    public IReadOnlyList<CellResult> Run(string stage, IReadOnlyList<CellKey> keys)
    {
        var results = new CellResult[keys.Count];
        int done = 0;
        var missing = new List<int>();
        for (int i = 0; i < keys.Count; i++)
        {
            if (_store.Has(keys[i]))
            {
                results[i] = _store.Read(keys[i]);
                CellCompleted?.Invoke(new CellProgress(stage, ++done, keys.Count, results[i], 0, AlreadyDone: true));
            }
            else missing.Add(i);
        }
        var gate = new object();
        try
        {
            Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Threads) }, i =>
            {
                var clock = Stopwatch.StartNew();
                using var backend = new NativeBackend();
                var cell = _cells.Run(keys[i], backend);
                _store.Write(cell);
                results[i] = cell;
                lock (gate) CellCompleted?.Invoke(new CellProgress(stage, ++done, keys.Count, cell, clock.Elapsed.TotalSeconds, AlreadyDone: false));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // The first cell's error as itself: a user error stays one line, a bug keeps its type and stack.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return results;
    }

    /// <summary>The cross-validation cells must all be in the store (a merge checks that first); runs the test cells.</summary>
    public BenchmarkResults Finish()
    {
        var cv = Run("cv", CellPlan.CvCells(options));
        var choices = BenchmarkResults.Choose(options, cv);
        var tests = Run("test", CellPlan.TestCells(options, (size, model) => choices.Single(c => c.Size == size && c.Model == model).Chosen));
        double allPerClass = data.Train.Count / (double)data.Train.ClassNames.Count;
        return BenchmarkResults.From(options, data.Description, choices, [.. cv, .. tests], allPerClass);
    }

    /// <summary>Throws before any cell runs unless every size can be drawn and split into the folds.</summary>
    public static void CheckSizes(BenchmarkData data, BenchmarkOptions o)
    {
        var train = data.Train;
        if (train.ClassNames.Count < 2) throw new UserError("the training set has one class; a benchmark needs at least two.");
        foreach (int? size in o.Sizes)
        {
            int[] drawn = StratifiedFolds.Draw(train.Labels, train.ClassNames, size, CellKey.SearchSeed);
            foreach (var group in drawn.GroupBy(i => train.Labels[i]))
                if (group.Count() < o.Folds)
                    throw new UserError($"size {BenchmarkOptions.SizeText(size)}: class '{train.ClassNames[group.Key]}' has {group.Count()} samples, fewer than the {o.Folds} folds; give a larger size or fewer --folds.");
            if (drawn.Select(i => train.Labels[i]).Distinct().Count() < train.ClassNames.Count)
                throw new UserError($"size {BenchmarkOptions.SizeText(size)}: a class has no training sample.");
        }
    }
}

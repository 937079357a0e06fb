using Qtl.Features;
using Qtl.Quantum;

namespace Qtl.Benchmarks;

/// <summary>
/// Computes one cell from its key alone (so any process, shard or rerun gives the same bits): draws the size-limited
/// training set, splits off the fold or takes the test set, standardises with the fit data's own mean and standard
/// deviation (a feature the fit data holds constant is only centred), fits the model's entry and counts what it got right.
/// </summary>
public sealed class CellRunner(BenchmarkData data, BenchmarkOptions options)
{
    /// <summary>Seeds the folds; fixed, so every model and setting sees the same folds.</summary>
    public const int FoldSeed = 0;

    public CellResult Run(CellKey key, IQuantumBackend backend)
    {
        FeatureSet train = data.Train;
        int[] drawn = StratifiedFolds.Draw(train.Labels, train.ClassNames, key.Size, key.Seed);
        int[] fitRows, evalRows;
        double[][] evalSource;
        int[] evalLabels;
        if (key.Stage == CellStage.Cv)
        {
            int[] fold = StratifiedFolds.Assign([.. drawn.Select(i => train.Labels[i])], options.Folds, FoldSeed);
            fitRows = [.. drawn.Where((_, j) => fold[j] != key.Fold)];
            evalRows = [.. drawn.Where((_, j) => fold[j] == key.Fold)];
            (evalSource, evalLabels) = (train.Features, train.Labels);
        }
        else
        {
            fitRows = drawn;
            evalRows = [.. Enumerable.Range(0, data.Test.Count)];
            (evalSource, evalLabels) = (data.Test.Features, data.Test.Labels);
        }
        var (mean, scale) = Standardisation(fitRows.Select(i => train.Features[i]).ToArray());
        double[] Scale(double[] x) => [.. x.Select((v, j) => (v - mean[j]) / scale[j])];
        var entry = BenchmarkModels.Of(key.Model);
        var input = new FitInput([.. fitRows.Select(i => Scale(train.Features[i]))], [.. fitRows.Select(i => train.Labels[i])], train.ClassNames.Count,
            [.. evalRows.Select(i => Scale(evalSource[i]))], options.Grids[key.Model].Settings[key.Setting], key.Seed, options.Epochs, options.BatchSize,
            options.Qubits, backend);
        int[] predicted = entry.Fit(input);
        char[] bits = [.. evalRows.Select((i, j) => predicted[j] == evalLabels[i] ? '1' : '0')];
        return new CellResult(key, fitRows.Length, evalRows.Length, bits.Count(b => b == '1'), new string(bits));
    }

    private static (double[] Mean, double[] Scale) Standardisation(double[][] rows)
    {
        int d = rows[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            double m = 0;
            foreach (var r in rows) m += r[j];
            m /= rows.Length;
            double v = 0;
            foreach (var r in rows) v += (r[j] - m) * (r[j] - m);
            double s = Math.Sqrt(v / rows.Length);
            (mean[j], scale[j]) = (m, s > 1e-12 ? s : 1);
        }
        return (mean, scale);
    }
}

using Qtl.Features;

namespace Qtl.Benchmarks;

/// <summary>
/// Where a benchmark's data comes from, recorded in its folder so a merge can reload it: two CSV feature tables (train,
/// test; label column 1-based, null for the last), or data options as <c>train</c> takes them, whose training split is
/// the benchmark's training set and whose validation split (an image folder's val/, FashionMNIST's t10k) its test set.
/// </summary>
public sealed record BenchmarkSource(string? TrainCsv = null, string? TestCsv = null, int? LabelColumn = null, DataOptions? Data = null)
{
    /// <summary>The same source with absolute paths, so it reads alike from any working directory.</summary>
    public BenchmarkSource Absolute() => this with
    {
        TrainCsv = TrainCsv is null ? null : Path.GetFullPath(TrainCsv),
        TestCsv = TestCsv is null ? null : Path.GetFullPath(TestCsv),
        Data = Data is null ? null : Training.RunFolder.Absolute(Data),
    };

    /// <summary>Loads the training and test sets (images through <paramref name="images"/>, by default the loader with the feature cache).</summary>
    public BenchmarkData Load(Func<DataOptions, TransferData>? images = null)
    {
        if (TrainCsv is not null || TestCsv is not null)
        {
            if (TrainCsv is null || TestCsv is null) throw new UserError("a CSV benchmark needs both --train and --test.");
            if (Data is not null) throw new UserError("--train/--test (CSV feature tables) and --data (images) exclude each other; give one.");
            var table = Dataset.FromCsv(TrainCsv, TestCsv, LabelColumn);
            return new BenchmarkData(table.Train, table.Validation, table.Description.Replace(" validation)", " test)"));
        }
        var data = (images ?? (o => TransferDataLoader.Load(o)))(Data ?? new DataOptions());
        return new BenchmarkData(data.Train, data.Validation, data.Description.Replace(" validation", " test"));
    }
}

using Qtl.Features;
using Qtl.IO;
using Qtl.Model;
using Qtl.Reports;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl;

/// <summary>
/// A transfer-learning run: the quantum head and its classical baselines, trained on the same features, in a run folder
/// (checkpoints, metrics, summary.json, report.html) that <see cref="QtlContext.Open"/> reads back without retraining.
/// </summary>
public sealed class TransferRun
{
    private readonly Lazy<Dataset> _data;
    private readonly List<TrainedHead> _heads = [];

    private TransferRun(QdkRuntime runtime, string folder, TrainingOptions options, DataOptions? dataOptions, Lazy<Dataset> data)
    {
        Runtime = runtime;
        Folder = folder;
        Options = options;
        DataOptions = dataOptions;
        _data = data;
    }

    public string Folder { get; }

    /// <summary>The run's report.html (written by training and by <see cref="WriteReport"/>).</summary>
    public string ReportFile => Path.Combine(Folder, "report.html");

    public TrainingOptions Options { get; }

    /// <summary>What made the features (data-options.json); null for a run on a feature table.</summary>
    public DataOptions? DataOptions { get; }

    /// <summary>The run's features, loaded (from the feature cache) when a run opened from its folder first needs them.</summary>
    public Dataset Data => _data.Value;

    public IReadOnlyList<TrainedHead> Heads => _heads;

    public TrainedHead this[HeadKind kind] => _heads.FirstOrDefault(h => h.Kind == kind)
        ?? throw new UserError($"this run has no {kind.Text()} head; it has {string.Join(", ", _heads.Select(h => h.Kind.Text()))}.");

    public TrainedHead Quantum => this[HeadKind.Quantum];
    public TrainedHead Classical => this[HeadKind.Classical];
    public TrainedHead Linear => this[HeadKind.Linear];

    internal QdkRuntime Runtime { get; }

    /// <summary>Every head's result, in the run's order.</summary>
    public IReadOnlyDictionary<HeadKind, HeadResult> Results => _heads.ToDictionary(h => h.Kind, h => h.Result);

    public IReadOnlyList<HeadSummary> Table() =>
        _heads.Select(h => new HeadSummary(h.Kind.Text(), h.Description, h.ParameterCount, h.Accuracy, h.BestEpoch, Math.Round(h.Model.Seconds, 1))).ToList();

    public ChartSpec LossChart() => RunReport.LossChart(Results);
    public ChartSpec AccuracyChart() => RunReport.AccuracyChart(Results);

    /// <summary>Writes report.html and every figure with its CSV into the run folder; returns the report's path.</summary>
    public string WriteReport() => RunReport.Write(Runtime, Folder, Data.Data, Options, Results);

    internal static TransferRun Trained(QdkRuntime runtime, string folder, TrainingOptions options, Dataset data,
        IReadOnlyDictionary<HeadKind, HeadResult> results)
    {
        var run = new TransferRun(runtime, folder, options, data.Options, new(data));
        run._heads.AddRange(results.Select(r => new TrainedHead(run, r.Value.Model, r.Value)));
        return run;
    }

    /// <summary>
    /// Reads a run folder: every head's best model and the run's options from its checkpoint, the data options to reload
    /// its features when they are needed.
    /// </summary>
    /// <param name="data">The features of a run trained on a feature table (it has no data options to reload them from).</param>
    internal static TransferRun Open(QdkRuntime runtime, string folder, Dataset? data, Action<string>? log)
    {
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder)) throw new UserError($"no run folder at {folder}.");
        var kinds = Enum.GetValues<HeadKind>().Where(k => File.Exists(RunFolder.Checkpoint(folder, k))).ToList();
        if (kinds.Count == 0)
            throw new UserError($"{folder} holds no head checkpoint (*.checkpoint.json of train): is it a transfer run folder?");
        var models = kinds.Select(k => RunFolder.LoadModel(folder, k)).ToList();
        // Every checkpoint records the options the run was trained with, epochs included.
        var options = models[0].Options;
        DataOptions? dataOptions = File.Exists(Path.Combine(folder, RunFolder.DataOptionsFile)) ? RunFolder.LoadDataOptions(folder) : null;
        var lazyData = new Lazy<Dataset>(() => data ?? (dataOptions is null
            ? throw new UserError($"{folder} was trained on a feature table (no {RunFolder.DataOptionsFile}); pass its Dataset to Open.")
            : Dataset.Load(dataOptions, log)));
        var run = new TransferRun(runtime, folder, options, dataOptions, lazyData);
        run._heads.AddRange(models.Select(m => new TrainedHead(run, m, null)));
        return run;
    }
}

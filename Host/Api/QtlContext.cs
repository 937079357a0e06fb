using System.Diagnostics;
using Qtl.Benchmarks;
using Qtl.Distillation;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Reports;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl;

/// <summary>
/// Where a notebook or a .NET program starts (as ML.NET's MLContext): it holds the client of the QDK's Node.js process,
/// which starts only when something runs Q#, and trains, opens and studies runs through the same code as the CLI verbs.
/// </summary>
public sealed class QtlContext : IDisposable
{
    private readonly bool _ownsRuntime;

    /// <summary>A context with its own QDK client, ended by <see cref="Dispose"/>.</summary>
    public QtlContext() : this(new QdkRuntime(), ownsRuntime: true) { }

    /// <summary>A context on a QDK client the caller owns (and disposes).</summary>
    public QtlContext(QdkRuntime runtime) : this(runtime, ownsRuntime: false) { }

    private QtlContext(QdkRuntime runtime, bool ownsRuntime)
    {
        Runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _ownsRuntime = ownsRuntime;
    }

    public QdkRuntime Runtime { get; }

    /// <summary>
    /// Trains the quantum head and classical baselines (<paramref name="heads"/>, default all three) on <paramref name="data"/>
    /// and writes the run folder <c>train</c> writes (checkpoints, metrics, summary.json, report.html).
    /// </summary>
    /// <param name="options">The recipe (default: the published one, on the qsharp backend).</param>
    /// <param name="folder">A new run folder (default runs/&lt;timestamp&gt;); one that holds a run is refused.</param>
    /// <param name="log">Gets one line per finished epoch.</param>
    public TransferRun Train(Dataset data, TrainingOptions? options = null, string? folder = null, IReadOnlyList<HeadKind>? heads = null,
        Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options = (options ?? new TrainingOptions()).Validate();
        heads ??= TransferExperiment.DefaultHeads;
        using var owner = folder is null ? RunFolder.CreateDefault("runs", DateTime.Now) : Claim(folder);
        string dir = owner.Folder;
        var watch = Stopwatch.StartNew();
        if (data.Options is { } dataOptions) RunFolder.SaveDataOptions(dir, dataOptions);
        var experiment = new TransferExperiment(options, heads, Runtime);
        if (log is not null)
            experiment.EpochCompleted += (kind, m) => log($"{kind.Text(),-9} epoch {m.Epoch}: train loss {m.TrainLoss:F4}, " +
                $"validation loss {m.ValidationLoss:F4}, validation accuracy {m.ValidationAccuracy:P1} ({m.Seconds:F1} s)");
        var results = experiment.Run(data.Data, dir);
        experiment.WriteSummary(dir, data.Data, results, watch.Elapsed.TotalSeconds);
        RunReport.Write(Runtime, dir, data.Data, options, results);
        return TransferRun.Trained(Runtime, dir, options, data, results);
    }

    /// <summary>A run folder written by <c>train</c> or <see cref="Train"/>, read back without retraining.</summary>
    /// <param name="data">Only for a run trained on a feature table: its features.</param>
    /// <param name="log">Gets what loading the run's features says (data location, cache hits).</param>
    public TransferRun Open(string folder, Dataset? data = null, Action<string>? log = null) => TransferRun.Open(Runtime, folder, data, log);

    /// <summary>Knowledge distillation into a quantum student (arXiv:2311.13810), as <c>distill</c> runs it.</summary>
    public DistillationResult Distill(DistillationOptions options, Action<string>? log = null) => Distiller.Run(options, log, runtime: Runtime);

    /// <summary>The transfer benchmark (<c>reproduce transfer</c>): tasks × seeds × heads on held-out test sets.</summary>
    public TransferBenchmarkResult Benchmark(TransferBenchmarkOptions options, Action<string>? log = null) => TransferBenchmark.Run(Runtime, options, log ?? (_ => { }));

    /// <summary>A quantum backend on this context's QDK client (the native one does not use it); dispose it after use.</summary>
    public IQuantumBackend Backend(BackendKind kind) => Backends.Create(kind, Runtime);

    /// <summary>The dressed circuit for n input angles and depth × n weights, drawn from the QDK's gate grid (SVG).</summary>
    public string CircuitDiagram(IReadOnlyList<double> inputs, IReadOnlyList<double> weights) =>
        Chart.CircuitDiagram(Runtime, inputs.Count, inputs, weights);

    public void Dispose()
    {
        if (_ownsRuntime) Runtime.Dispose();
    }

    private static RunLock Claim(string folder)
    {
        string full = Path.GetFullPath(folder);
        if (File.Exists(full)) throw new UserError($"{full} is a file; give a folder for the run.");
        if (RunFolder.HoldsRun(full)) throw new UserError($"{full} already holds a run; open it with Open, or give another folder.");
        var owner = RunLock.TryAcquire(full) ?? throw new UserError($"{full} is in use by another qtl process; give another folder.");
        if (!RunFolder.HoldsRun(full)) return owner;
        owner.Dispose();
        throw new UserError($"{full} already holds a run; open it with Open, or give another folder.");
    }
}

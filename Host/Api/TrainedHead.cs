using Qtl.Export;
using Qtl.Features;
using Qtl.Hardware;
using Qtl.IO;
using Qtl.Model;
using Qtl.Quantum;
using Qtl.Reports;
using Qtl.Training;

namespace Qtl;

/// <summary>
/// One trained head of a <see cref="TransferRun"/>: its best parameters, history and validation evaluation, its charts,
/// and predictions for features or image files. The quantum head also goes to hardware: noise study, QIR and resource
/// estimates of its trained circuit, through <see cref="QuantumHead"/>.
/// </summary>
public sealed class TrainedHead
{
    private readonly TransferRun _run;
    private readonly Lazy<HeadResult> _result;

    internal TrainedHead(TransferRun run, TrainedModel model, HeadResult? result)
    {
        _run = run;
        Model = model;
        _result = result is null ? new(Evaluate) : new(result);
    }

    public HeadKind Kind => Model.Kind;
    public TrainedModel Model { get; }

    /// <summary>The head on the run's validation split (evaluated when a run is opened from its folder and this is first asked for).</summary>
    public HeadResult Result => _result.Value;
    public Evaluation Validation => Result.Validation;
    public double Accuracy => Validation.Accuracy;

    /// <summary>Counts [true][predicted] on the validation split.</summary>
    public int[][] Confusion => Validation.Confusion;
    public int BestEpoch => Model.BestEpoch;
    public IReadOnlyList<EpochMetrics> History => Model.History;
    public string Description => Result.Description;
    public int ParameterCount => Result.ParameterCount;

    public ChartSpec ConfusionChart() => RunReport.ConfusionChart(Kind, Validation, _run.Data.ClassNames);

    /// <summary>Logits for feature vectors of the trained dimension, on the backend the head was trained on.</summary>
    public double[][] Logits(double[][] features)
    {
        using var backend = Backend();
        return Model.Logits(features, backend);
    }

    /// <summary>The class of one image file (.jpg, .jpeg, .png), through the run's backbone.</summary>
    public ImagePrediction Predict(string imageFile) => Predict([imageFile])[0];

    /// <summary>The class of each image file, through the run's backbone (features cached like the training data's).</summary>
    public IReadOnlyList<ImagePrediction> Predict(IReadOnlyList<string> imageFiles)
    {
        var options = _run.DataOptions ?? throw new UserError("this run was trained on a feature table: it predicts features (Logits), not image files.");
        if (imageFiles.Count == 0) throw new UserError("no image files given; give at least one .jpg, .jpeg or .png file.");
        var extracted = ImageFileFeatures.Extract(options, imageFiles);
        if (extracted.Any(e => e.Error is not null))
            throw new UserError(string.Join("; ", extracted.Where(e => e.Error is not null).Select(e => e.Error)));
        var logits = Logits([.. extracted.Select(e => e.Features!)]);
        return imageFiles.Select((file, i) =>
        {
            var p = Probabilities.Softmax(logits[i]);
            int best = Probabilities.ArgMax(p);
            return new ImagePrediction(file, Model.ClassNames[best], p[best], Model.ClassNames.Select((name, c) => (name, p[c])).ToDictionary());
        }).ToList();
    }

    /// <summary>
    /// Writes the head as one ONNX file of its exact class probabilities (<see cref="OnnxExport"/>; with
    /// <paramref name="withBackbone"/>, from the run's backbone input) and returns its full path.
    /// </summary>
    public string ExportOnnx(string path, bool withBackbone = false)
    {
        byte[] onnx = withBackbone
            ? OnnxExport.WithBackbone(Model, _run.DataOptions ?? throw new UserError("this run was trained on a feature table: it has no backbone to export; export the head alone."))
            : OnnxExport.Head(Model);
        AtomicFile.WriteAllBytes(path, onnx);
        return Path.GetFullPath(path);
    }

    /// <summary>The trained head split at its circuit (the quantum head only).</summary>
    public QuantumHead Circuit() => Kind == HeadKind.Quantum
        ? QuantumHead.From(Model)
        : throw new UserError($"the {Kind.Text()} head has no circuit; use the run's quantum head.");

    /// <summary>The circuit's input angles for validation sample <paramref name="sample"/>.</summary>
    public double[] CircuitInputs(int sample = 0)
    {
        var validation = _run.Data.Validation;
        if (sample < 0 || sample >= validation.Count)
            throw new UserError($"validation sample {sample} does not exist; allowed: 0 to {validation.Count - 1}.");
        return Circuit().CircuitInputs([validation.Features[sample]])[0];
    }

    /// <summary>The trained circuit drawn by the QDK (SVG), embedding validation sample <paramref name="sample"/>.</summary>
    public string CircuitDiagram(int sample = 0)
    {
        var head = Circuit();
        return Chart.CircuitDiagram(_run.Runtime, head.Shape.Qubits, CircuitInputs(sample), head.Weights, head.Shape.Entangling);
    }

    /// <summary>Validation accuracy under depolarizing noise and shots (see <see cref="Hardware.NoiseStudy"/>).</summary>
    /// <param name="samples">Only the first N validation samples (default: all).</param>
    public NoiseStudyResult NoiseStudy(NoiseStudyOptions? options = null, int? samples = null, Action<NoiseStudyPoint>? progress = null)
    {
        var validation = _run.Data.Validation;
        if (samples is int n)
        {
            if (n < 1 || n > validation.Count) throw new UserError($"samples is {n}; allowed: 1 to {validation.Count}.");
            validation = new FeatureSet(validation.Features[..n], validation.Labels[..n], validation.ClassNames);
        }
        return Hardware.NoiseStudy.Run(_run.Runtime, Circuit().Model, validation, options ?? new NoiseStudyOptions(), progress);
    }

    /// <summary>QIR of one inference of the trained circuit on validation sample <paramref name="sample"/>, from the QDK.</summary>
    public QirProgram Qir(int sample = 0, string profile = QirExport.BaseProfile)
    {
        var head = Circuit();
        return new QirProgram(profile, QirExport.Generate(_run.Runtime, head.Shape, CircuitInputs(sample), head.Weights, profile));
    }

    /// <summary>QDK resource estimates of one inference on validation sample <paramref name="sample"/>, on each qubit model.</summary>
    public IReadOnlyList<ResourceEstimate> ResourceEstimates(int sample = 0, double errorBudget = Hardware.ResourceEstimates.DefaultErrorBudget)
    {
        var head = Circuit();
        return Hardware.ResourceEstimates.ForInference(_run.Runtime, head.Shape, CircuitInputs(sample), head.Weights, errorBudget: errorBudget);
    }

    private IQuantumBackend? Backend() => Kind == HeadKind.Quantum ? Backends.Create(Model.Options.Backend, _run.Runtime) : null;

    /// <summary>As a run evaluates a head after training: the best parameters on the validation split, on the recorded backend.</summary>
    private HeadResult Evaluate()
    {
        using var backend = Backend();
        var head = Model.Build(backend);
        var validation = _run.Data.Validation;
        var evaluation = Evaluation.From(head.Predict(validation.Features), validation.Labels, validation.ClassNames.Count);
        return new HeadResult(Model, evaluation, head.Describe(), head.ParameterCount);
    }
}

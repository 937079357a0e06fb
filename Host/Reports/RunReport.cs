using Qtl.Features;
using Qtl.Model;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.Reports;

/// <summary>The report of a transfer-learning run: quantum head beside its baselines.</summary>
public static class RunReport
{
    /// <param name="runtime">Draws the quantum head's circuit (the QDK's own gate grid).</param>
    public static string Write(QdkRuntime runtime, string outDir, TransferData data, TrainingOptions options, IReadOnlyDictionary<HeadKind, HeadResult> results)
    {
        var sections = new List<ReportSection>
        {
            new SummarySection("Run",
                ("task", data.Description),
                ("classes", string.Join(", ", data.Train.ClassNames)),
                ("samples", $"{data.Train.Count} training, {data.Validation.Count} validation"),
                ("features", data.Train.Dimension.ToString()),
                ("quantum backend", $"{options.Backend.Text()}, {options.Shape}, gradient {options.GradientMethod.Text()}, {(options.Shots == 0 ? "exact" : $"{options.Shots} shots")}"),
                ("recipe", $"Adam lr {options.LearningRate}, batch {options.BatchSize}, {options.Epochs} epochs, StepLR {options.StepSize}×{options.Gamma}, q_delta {options.QDelta}, seed {options.Seed}")),
            new TableSection("Validation accuracy",
                ["head", "architecture", "parameters", "validation accuracy", "best epoch", "seconds"],
                results.Select(r => (IReadOnlyList<string>)[r.Key.Text(), r.Value.Description, r.Value.ParameterCount.ToString(),
                    $"{r.Value.Validation.Accuracy:P1}", r.Value.Model.BestEpoch.ToString(), $"{r.Value.Model.Seconds:F1}"]).ToList()),
            Figure.FromChart("loss", LossChart(results), outDir),
            Figure.FromChart("accuracy", AccuracyChart(results), outDir),
        };
        foreach (var (kind, r) in results)
            sections.Add(Figure.FromChart($"confusion-{kind.Text()}", ConfusionChart(kind, r.Validation, data.Validation.ClassNames), outDir));

        if (results.TryGetValue(HeadKind.Quantum, out var quantum))
        {
            var circuit = QuantumHead.From(quantum.Model);
            var firstInput = circuit.CircuitInputs([data.Validation.Features[0]])[0];
            sections.Add(Figure.FromCircuit(runtime, "circuit", circuit.Shape, firstInput, circuit.Weights, outDir,
                "The trained dressed circuit from the QDK, embedding the first validation sample: H layer, RY embedding, then depth × " +
                (circuit.Shape.Entangling ? "[CNOT layers, RY weights]." : "[RY weights] (the separable control: no CNOTs).")));
            var images = data.ValidationImages;
            if (images.Count > 0)
            {
                var predictions = images.Select((image, i) =>
                {
                    var p = quantum.Validation.Probabilities[i];
                    int predicted = quantum.Validation.Predictions[i];
                    return new Prediction(image, predicted, p[predicted]);
                }).ToList();
                sections.Add(new PredictionsSection("Predictions of the quantum head (validation)", predictions, data.Validation.ClassNames));
            }
        }
        return ReportWriter.Write(outDir, new ReportData("qtl-qsharp: dressed quantum circuit transfer learning",
            $"{data.Description} — quantum head vs classical baselines on the same features", sections));
    }

    /// <summary>Loss per epoch of every head: training solid, validation dashed.</summary>
    public static ChartSpec LossChart(IReadOnlyDictionary<HeadKind, HeadResult> results) =>
        Chart.LossCurves(Curves(results, m => m.TrainLoss, m => m.ValidationLoss ?? double.NaN));

    /// <summary>Accuracy per epoch of every head, drawn like <see cref="LossChart"/>.</summary>
    public static ChartSpec AccuracyChart(IReadOnlyDictionary<HeadKind, HeadResult> results) =>
        Chart.AccuracyCurves(Curves(results, m => m.TrainAccuracy, m => m.ValidationAccuracy ?? double.NaN));

    public static ChartSpec ConfusionChart(HeadKind kind, Evaluation validation, IReadOnlyList<string> classNames) =>
        Chart.ConfusionMatrix(validation.Confusion, classNames, $"Confusion matrix, {kind.Text()} head (validation)");

    private static IEnumerable<Curve> Curves(IReadOnlyDictionary<HeadKind, HeadResult> results,
        Func<EpochMetrics, double> train, Func<EpochMetrics, double> validation) =>
        results.SelectMany(r => new[]
        {
            new Curve(r.Key.Text(), "train", r.Value.Model.History.Select(train).ToList()),
            new Curve(r.Key.Text(), "validation", r.Value.Model.History.Select(validation).ToList()),
        });
}

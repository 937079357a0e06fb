using Qtl.IO;
using Qtl.Reports.Charting;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl;

/// <summary>
/// The project's standard figures, drawn in-process by ScottPlot and written as SVG. Each builder
/// checks its input and returns a <see cref="ChartSpec"/>; <see cref="Render"/> draws it,
/// <see cref="Save"/> also writes the plotted data as CSV so anyone can re-plot it.
/// </summary>
public static class Chart
{
    /// <summary>Loss per epoch: colour = model, line style = split (train solid, validation dashed); several models share one chart.</summary>
    public static ChartSpec LossCurves(IEnumerable<Curve> curves, string title = "Loss", string yTitle = "cross-entropy loss") =>
        CurveChart.Create(curves, title, yTitle, percent: false);

    /// <summary>Accuracy per epoch, drawn like <see cref="LossCurves"/>, on a 0–1 axis shown as percent.</summary>
    public static ChartSpec AccuracyCurves(IEnumerable<Curve> curves, string title = "Accuracy", string yTitle = "accuracy") =>
        CurveChart.Create(curves, title, yTitle, percent: true);

    /// <summary>Confusion matrix, counts[true][predicted] (as <see cref="Training.Evaluation.Confusion"/>), shaded by count with each count written in its cell.</summary>
    public static ChartSpec ConfusionMatrix(int[][] counts, IReadOnlyList<string> classNames, string title = "Confusion matrix") =>
        ConfusionChart.Create(counts, classNames, title);

    /// <summary>Bars of mean per model within each group, with ±std error bars (omitted when std is 0).</summary>
    public static ChartSpec GroupedBars(IEnumerable<BarValue> bars, string title, string yTitle = "accuracy", string? groupTitle = null, double baseline = 0) =>
        BarChart.Create(bars, title, yTitle, groupTitle, baseline);

    /// <summary>Mean ± std against x per series (e.g. accuracy vs noise level); <paramref name="logX"/> for decades of x.</summary>
    public static ChartSpec ErrorBarLines(IEnumerable<ErrorPoint> points, string title, string xTitle, string yTitle, bool logX = false) =>
        ErrorLineChart.Create(points, title, xTitle, yTitle, logX);

    /// <summary>Draws <paramref name="spec"/> as an SVG string; without its title when a page heading carries it.</summary>
    public static string Render(ChartSpec spec, bool withTitle = true)
    {
        using var plot = spec.ToPlot(withTitle);
        int height = withTitle ? spec.Height : spec.Height - 30;
        return SvgExport.ToSvg(plot, spec.Width, height, "chart", spec.Title);
    }

    /// <summary>Writes <c>name.svg</c> (with its title) and <c>name.csv</c> (the plotted data) into <paramref name="dir"/>; returns the SVG.</summary>
    public static string Save(ChartSpec spec, string dir, string name)
    {
        string svg = Render(spec);
        AtomicFile.WriteAllText(Path.Combine(dir, name + ".svg"), svg);
        AtomicFile.WriteAllText(Path.Combine(dir, name + ".csv"), spec.ToCsv());
        return svg;
    }

    /// <summary>
    /// Draws the dressed circuit (or, without <paramref name="entangling"/>, its separable control) for one set of inputs
    /// (n angles) and weights (depth × n, block by block) from the QDK's own gate grid, so the picture is the circuit Q#
    /// defines, not a re-description of it.
    /// </summary>
    public static string CircuitDiagram(QdkRuntime runtime, int qubits, IReadOnlyList<double> inputs, IReadOnlyList<double> weights,
        bool entangling = true)
    {
        if (qubits < 1) throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "at least one qubit is needed.");
        if (inputs.Count != qubits) throw new ArgumentException($"{qubits} qubits need {qubits} inputs; got {inputs.Count}.", nameof(inputs));
        if (weights.Count % qubits != 0) throw new ArgumentException($"weights must be depth × {qubits}; got {weights.Count}.", nameof(weights));
        ArgumentNullException.ThrowIfNull(runtime);
        foreach (double v in inputs) ChartStyle.Finite(v, nameof(inputs));
        foreach (double v in weights) ChartStyle.Finite(v, nameof(weights));
        var (n, columns) = CircuitGrid.Parse(runtime.Circuit(qubits, entangling, inputs, weights));
        return CircuitDrawing.Svg(n, columns);
    }
}

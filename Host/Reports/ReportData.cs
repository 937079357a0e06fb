using Qtl.Data;
using Qtl.Hardware;
using Qtl.Runtime;
using Qtl.Training;

namespace Qtl.Reports;

/// <summary>Everything a report shows, in order. Kept as plain data so training code can build it without knowing HTML.</summary>
public sealed record ReportData(string Title, string Subtitle, IReadOnlyList<ReportSection> Sections);

/// <summary>One titled part of a report; <see cref="Note"/> is an optional paragraph under the title (e.g. how a number was measured).</summary>
public abstract record ReportSection(string Title)
{
    public string? Note { get; init; }
}

/// <summary>Key/value facts (settings, final metrics) shown as a two-column table.</summary>
public sealed record SummarySection(string Title, IReadOnlyList<KeyValuePair<string, string>> Items) : ReportSection(Title)
{
    /// <summary>Convenience for <c>new SummarySection("Run", ("qubits", "4"), ("depth", "6"))</c>.</summary>
    public SummarySection(string title, params (string Key, string Value)[] items)
        : this(title, items.Select(i => KeyValuePair.Create(i.Key, i.Value)).ToList()) { }
}

/// <summary>A table; every row has one cell per header.</summary>
public sealed record TableSection : ReportSection
{
    public TableSection(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows) : base(title)
    {
        for (int i = 0; i < rows.Count; i++)
            if (rows[i].Count != headers.Count)
                throw new ArgumentException($"table '{title}': row {i} has {rows[i].Count} cells but there are {headers.Count} headers.", nameof(rows));
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }
}

/// <summary>An SVG figure inlined into the page (so the report is one file), with a caption.</summary>
public sealed record FigureSection(string Title, string Svg, string Caption) : ReportSection(Title);

/// <summary>One classified image: the model's predicted class and its probability; the true class is <see cref="SampleImage.Label"/>.</summary>
public sealed record Prediction(SampleImage Image, int Predicted, double Probability)
{
    public bool Correct => Predicted == Image.Label;
}

/// <summary>A grid of images with predicted vs true class, like the demo's "visualize_model" figure.</summary>
public sealed record PredictionsSection : ReportSection
{
    public PredictionsSection(string title, IReadOnlyList<Prediction> predictions, IReadOnlyList<string> classNames) : base(title)
    {
        foreach (var p in predictions)
        {
            if (p.Predicted < 0 || p.Predicted >= classNames.Count || p.Image.Label < 0 || p.Image.Label >= classNames.Count)
                throw new ArgumentException($"prediction for '{p.Image.Name}' uses class {p.Predicted} (true {p.Image.Label}); allowed: 0 to {classNames.Count - 1}.", nameof(predictions));
            if (!(p.Probability is >= 0 and <= 1))
                throw new ArgumentException($"prediction for '{p.Image.Name}' has probability {p.Probability}; allowed: 0 to 1.", nameof(predictions));
        }
        Predictions = predictions;
        ClassNames = classNames;
    }

    public IReadOnlyList<Prediction> Predictions { get; }
    public IReadOnlyList<string> ClassNames { get; }
}

/// <summary>Preformatted text (a log excerpt, a QIR snippet, a resource estimate).</summary>
public sealed record TextSection(string Title, string Text) : ReportSection(Title);

/// <summary>Figures that are also files: each chart is written as name.svg plus its data as name.csv beside the report.</summary>
public static class Figure
{
    /// <summary>
    /// Draws <paramref name="spec"/>, writes name.svg and name.csv into <paramref name="dir"/>, returns the section.
    /// The chart's title becomes the section heading; the inline copy is drawn without it so the page does not say it twice.
    /// </summary>
    public static FigureSection FromChart(string name, ChartSpec spec, string dir, string? caption = null)
    {
        ValidateName(name);
        string svg = Chart.Save(spec, dir, name);
        caption ??= $"Files: {name}.svg, {name}.csv (the plotted data).";
        return spec.Title.Length == 0
            ? new FigureSection(name, svg, caption)
            : new FigureSection(spec.Title, Chart.Render(spec, withTitle: false), caption);
    }

    /// <summary>Draws the dressed circuit (see <see cref="Chart.CircuitDiagram"/>), writes name.svg, returns the section.</summary>
    public static FigureSection FromCircuit(QdkRuntime runtime, string name, int qubits, IReadOnlyList<double> inputs, IReadOnlyList<double> weights,
        string dir, string? caption = null)
    {
        ValidateName(name);
        string svg = Chart.CircuitDiagram(runtime, qubits, inputs, weights);
        AtomicFile.WriteAllText(Path.Combine(dir, name + ".svg"), svg);
        int depth = weights.Count / qubits;
        return new FigureSection($"Circuit ({qubits} qubits, depth {depth})", svg,
            caption ?? $"Dressed circuit as generated by the QDK: H layer, RY embedding, {depth} × [CNOT layers, RY weights]. Angles in radians.");
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('.'))
            throw new ArgumentException($"figure name '{name}' must be a plain file name without extension or path, e.g. 'loss'.", nameof(name));
    }
}

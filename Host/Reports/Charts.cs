using System.Text.Json;
using System.Text.Json.Nodes;
using Qtl.Runtime;

namespace Qtl.Reports;

/// <summary>One line of a training curve: a model's metric on one split, one value per epoch (epoch 1 first).</summary>
public sealed record Curve(string Model, string Split, IReadOnlyList<double> Values);

/// <summary>One bar of a grouped bar chart: a model's mean (± std over runs) within a group such as a task.</summary>
public sealed record BarValue(string Group, string Model, double Mean, double Std = 0);

/// <summary>One point of a line with error bars: a series' mean (± std) at x, e.g. accuracy at a noise level.</summary>
public sealed record ErrorPoint(string Series, double X, double Mean, double Std = 0);

/// <summary>
/// Vega-Lite specs for the project's standard figures, and their rendering to SVG by the
/// runtime process (vega + vega-lite there; no chart library exists on the NuGet source,
/// so charts are never hand-drawn in C#). Specs are plain JSON so users can restyle them.
/// </summary>
public static class Chart
{
    private const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";

    /// <summary>Loss per epoch: colour = model, dash = split (train/validation); several models share one chart.</summary>
    public static JsonObject LossCurves(IEnumerable<Curve> curves, string title = "Loss", string yTitle = "cross-entropy loss") =>
        CurveChart(curves, title, yTitle, new JsonObject { ["zero"] = false });

    /// <summary>Accuracy per epoch, drawn like <see cref="LossCurves"/>, on a 0–1 axis shown as percent.</summary>
    public static JsonObject AccuracyCurves(IEnumerable<Curve> curves, string title = "Accuracy", string yTitle = "accuracy") =>
        CurveChart(curves, title, yTitle, new JsonObject { ["domain"] = new JsonArray(0, 1) }, format: "%");

    /// <summary>Confusion matrix heatmap, counts[true, predicted], with each count written in its cell.</summary>
    public static JsonObject ConfusionMatrix(int[,] counts, IReadOnlyList<string> classNames, string title = "Confusion matrix")
    {
        int k = classNames.Count;
        if (counts.GetLength(0) != k || counts.GetLength(1) != k)
            throw new ArgumentException($"the matrix is {counts.GetLength(0)}×{counts.GetLength(1)} but there are {k} class names; it must be {k}×{k}.", nameof(counts));
        if (classNames.Distinct().Count() != k)
            throw new ArgumentException("class names must be distinct; cells are keyed by name.", nameof(classNames));
        var values = new JsonArray();
        int max = 0;
        for (int t = 0; t < k; t++)
            for (int p = 0; p < k; p++)
            {
                if (counts[t, p] < 0) throw new ArgumentException($"count [{t},{p}] is negative ({counts[t, p]}).", nameof(counts));
                max = Math.Max(max, counts[t, p]);
                values.Add(new JsonObject { ["true"] = classNames[t], ["predicted"] = classNames[p], ["count"] = counts[t, p] });
            }
        var order = new JsonArray(classNames.Select(n => (JsonNode?)n).ToArray());
        int side = Math.Clamp(56 * k, 220, 560);
        return Base(title, values, side, side, new JsonObject
        {
            ["encoding"] = new JsonObject
            {
                ["x"] = Field("predicted", "nominal", "predicted class", new JsonObject { ["sort"] = order.DeepClone(), ["axis"] = new JsonObject { ["labelAngle"] = -35, ["labelAlign"] = "right", ["labelBaseline"] = "top" } }),
                ["y"] = Field("true", "nominal", "true class", new JsonObject { ["sort"] = order }),
            },
            ["layer"] = new JsonArray(
                new JsonObject
                {
                    ["mark"] = "rect",
                    ["encoding"] = new JsonObject { ["color"] = Field("count", "quantitative", "count", new JsonObject { ["scale"] = new JsonObject { ["scheme"] = "blues" } }) },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "text", ["fontSize"] = k > 8 ? 10 : 13 },
                    ["encoding"] = new JsonObject
                    {
                        ["text"] = Field("count", "quantitative"),
                        // Dark cells get white digits so every count stays readable.
                        ["color"] = new JsonObject
                        {
                            ["condition"] = new JsonObject { ["test"] = $"datum.count > {max * 0.55}", ["value"] = "white" },
                            ["value"] = "#1b1b1b",
                        },
                    },
                }),
        });
    }

    /// <summary>Bars of mean per model within each group, with ±std error bars (omitted when std is 0).</summary>
    public static JsonObject GroupedBars(IEnumerable<BarValue> bars, string title, string yTitle = "accuracy", string? groupTitle = null)
    {
        var values = new JsonArray();
        foreach (var b in bars)
        {
            Finite(b.Mean, "mean"); Finite(b.Std, "std");
            values.Add(new JsonObject { ["group"] = b.Group, ["model"] = b.Model, ["mean"] = b.Mean, ["lo"] = b.Mean - b.Std, ["hi"] = b.Mean + b.Std });
        }
        NotEmpty(values, "bars");
        return Base(title, values, 460, 280, new JsonObject
        {
            ["encoding"] = new JsonObject
            {
                ["x"] = Field("group", "nominal", null, new JsonObject { ["axis"] = new JsonObject { ["labelAngle"] = 0, ["title"] = groupTitle }, ["sort"] = null }),
                ["xOffset"] = Field("model", "nominal", null, new JsonObject { ["sort"] = null }),
                ["color"] = Field("model", "nominal", "model", new JsonObject { ["sort"] = null }),
            },
            ["layer"] = new JsonArray(
                new JsonObject { ["mark"] = "bar", ["encoding"] = new JsonObject { ["y"] = Field("mean", "quantitative", yTitle) } },
                ErrorRule(neutral: true)),
        });
    }

    /// <summary>Mean ± std against x per series (e.g. accuracy vs noise level); <paramref name="logX"/> for decades of x.</summary>
    public static JsonObject ErrorBarLines(IEnumerable<ErrorPoint> points, string title, string xTitle, string yTitle, bool logX = false)
    {
        var values = new JsonArray();
        foreach (var p in points)
        {
            Finite(p.X, "x"); Finite(p.Mean, "mean"); Finite(p.Std, "std");
            if (logX && p.X <= 0) throw new ArgumentException($"a log x axis needs x > 0; series '{p.Series}' has x = {p.X}.", nameof(points));
            values.Add(new JsonObject { ["series"] = p.Series, ["x"] = p.X, ["mean"] = p.Mean, ["lo"] = p.Mean - p.Std, ["hi"] = p.Mean + p.Std });
        }
        NotEmpty(values, "points");
        var xScale = logX ? new JsonObject { ["type"] = "log" } : new JsonObject { ["zero"] = false };
        return Base(title, values, 460, 280, new JsonObject
        {
            ["encoding"] = new JsonObject
            {
                ["x"] = Field("x", "quantitative", xTitle, new JsonObject { ["scale"] = xScale }),
                ["color"] = Field("series", "nominal", null, new JsonObject { ["sort"] = null, ["legend"] = new JsonObject { ["title"] = null } }),
            },
            ["layer"] = new JsonArray(
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "line", ["point"] = true },
                    ["encoding"] = new JsonObject { ["y"] = Field("mean", "quantitative", yTitle, new JsonObject { ["scale"] = new JsonObject { ["zero"] = false } }) },
                },
                ErrorRule(neutral: false)),
        });
    }

    /// <summary>Renders a Vega-Lite spec to an SVG string in the runtime process.</summary>
    public static string Render(JsonObject spec, QdkRuntime? runtime = null)
    {
        var result = (runtime ?? QdkRuntime.Shared).Request("chart", w =>
        {
            w.WritePropertyName("spec");
            spec.WriteTo(w);
        });
        return result.GetProperty("svg").GetString()!;
    }

    /// <summary>
    /// Draws the dressed circuit for one set of inputs (n angles) and weights (depth × n, block by block)
    /// from the QDK's own gate list, so the picture is the circuit Q# defines, not a re-description of it.
    /// </summary>
    public static string CircuitDiagram(int qubits, IReadOnlyList<double> inputs, IReadOnlyList<double> weights, QdkRuntime? runtime = null)
    {
        if (qubits < 1) throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "at least one qubit is needed.");
        if (inputs.Count != qubits) throw new ArgumentException($"{qubits} qubits need {qubits} inputs; got {inputs.Count}.", nameof(inputs));
        if (weights.Count % qubits != 0) throw new ArgumentException($"weights must be depth × {qubits}; got {weights.Count}.", nameof(weights));
        var result = (runtime ?? QdkRuntime.Shared).Request("circuitDiagram", w =>
        {
            w.WriteNumber("qubits", qubits);
            WriteArray(w, "inputs", inputs);
            WriteArray(w, "weights", weights);
        });
        return result.GetProperty("svg").GetString()!;
    }

    /// <summary>Renders <paramref name="spec"/> and writes <c>name.svg</c> and <c>name.vl.json</c> (the spec, for restyling) into <paramref name="dir"/>.</summary>
    public static string Save(JsonObject spec, string dir, string name, QdkRuntime? runtime = null)
    {
        string svg = Render(spec, runtime);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".svg"), svg);
        File.WriteAllText(Path.Combine(dir, name + ".vl.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return svg;
    }

    private static JsonObject CurveChart(IEnumerable<Curve> curves, string title, string yTitle, JsonObject yScale, string? format = null)
    {
        var values = new JsonArray();
        foreach (var c in curves)
            for (int e = 0; e < c.Values.Count; e++)
            {
                Finite(c.Values[e], $"{c.Model}/{c.Split} epoch {e + 1}");
                values.Add(new JsonObject { ["model"] = c.Model, ["split"] = c.Split, ["epoch"] = e + 1, ["value"] = c.Values[e] });
            }
        NotEmpty(values, "curves");
        var yAxis = format is null ? new JsonObject() : new JsonObject { ["format"] = format };
        return Base(title, values, 520, 300, new JsonObject
        {
            ["mark"] = new JsonObject { ["type"] = "line", ["point"] = true, ["strokeWidth"] = 2 },
            ["encoding"] = new JsonObject
            {
                ["x"] = Field("epoch", "quantitative", "epoch", new JsonObject { ["axis"] = new JsonObject { ["tickMinStep"] = 1, ["format"] = "d" } }),
                ["y"] = Field("value", "quantitative", yTitle, new JsonObject { ["scale"] = yScale, ["axis"] = yAxis }),
                // Stroke symbols so the legend shows the dash pattern, not the point overlay's circle.
                ["color"] = Field("model", "nominal", "model", new JsonObject { ["sort"] = null, ["legend"] = StrokeLegend() }),
                ["strokeDash"] = Field("split", "nominal", "split", new JsonObject { ["sort"] = null, ["legend"] = StrokeLegend("#555") }),
            },
        });
    }

    private static JsonObject Base(string title, JsonArray values, int width, int height, JsonObject body)
    {
        var spec = new JsonObject
        {
            ["$schema"] = Schema,
            ["title"] = title,
            ["width"] = width,
            ["height"] = height,
            ["data"] = new JsonObject { ["values"] = values },
            ["config"] = new JsonObject
            {
                ["font"] = "Helvetica, Arial, sans-serif",
                ["title"] = new JsonObject { ["fontSize"] = 15, ["anchor"] = "start" },
                ["axis"] = new JsonObject { ["labelFontSize"] = 11, ["titleFontSize"] = 12 },
                ["legend"] = new JsonObject { ["labelFontSize"] = 11, ["titleFontSize"] = 12 },
            },
        };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            spec[key] = value;
        }
        return spec;
    }

    private static JsonObject StrokeLegend(string? stroke = null)
    {
        var legend = new JsonObject { ["symbolType"] = "stroke", ["symbolStrokeWidth"] = 2, ["symbolSize"] = 300 };
        // Vega-Lite leaves a strokeDash legend's symbols without a stroke colour; set it in the symbol encoding.
        if (stroke is not null)
            legend["encode"] = new JsonObject { ["symbols"] = new JsonObject { ["update"] = new JsonObject { ["stroke"] = new JsonObject { ["value"] = stroke } } } };
        return legend;
    }

    /// <summary>A ±std rule from lo to hi; neutral (dark) over coloured bars, series-coloured beside lines.</summary>
    private static JsonObject ErrorRule(bool neutral)
    {
        var encoding = new JsonObject { ["y"] = Field("lo", "quantitative"), ["y2"] = new JsonObject { ["field"] = "hi" } };
        if (neutral) encoding["color"] = new JsonObject { ["value"] = "#333" };
        return new JsonObject { ["mark"] = new JsonObject { ["type"] = "rule", ["strokeWidth"] = 1.5 }, ["encoding"] = encoding };
    }

    private static JsonObject Field(string field, string type, string? title = null, JsonObject? extra = null)
    {
        var o = new JsonObject { ["field"] = field, ["type"] = type };
        if (title is not null) o["title"] = title;
        if (extra is not null)
            foreach (var (key, value) in extra.ToList())
            {
                extra.Remove(key);
                o[key] = value;
            }
        return o;
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(Finite(v, name));
        w.WriteEndArray();
    }

    private static double Finite(double v, string what) =>
        double.IsFinite(v) ? v : throw new ArgumentException($"{what} is {v}; chart values must be finite numbers.");

    private static void NotEmpty(JsonArray values, string what)
    {
        if (values.Count == 0) throw new ArgumentException($"no {what} to plot; at least one value is needed.", what);
    }
}

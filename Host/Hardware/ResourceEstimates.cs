using System.Text.Json;
using System.Text.Json.Nodes;
using Qtl.Quantum;
using Qtl.Runtime;

namespace Qtl.Hardware;

/// <summary>Resource estimates of the trained circuit from the QDK's resource estimator (<c>compiler.getEstimates</c>).</summary>
public static class ResourceEstimates
{
    /// <summary>The six predefined models; the Majorana ones need the floquet code.</summary>
    public static readonly IReadOnlyList<QubitModel> Models =
    [
        new("qubit_gate_ns_e3", "surface_code"),
        new("qubit_gate_ns_e4", "surface_code"),
        new("qubit_gate_us_e3", "surface_code"),
        new("qubit_gate_us_e4", "surface_code"),
        new("qubit_maj_ns_e4", "floquet_code"),
        new("qubit_maj_ns_e6", "floquet_code"),
    ];

    public const double DefaultErrorBudget = 1e-3;

    /// <summary>Estimates one inference (one shot: the circuit plus measuring every qubit) on each model, in one estimator call.</summary>
    public static IReadOnlyList<ResourceEstimate> ForInference(QdkRuntime runtime, CircuitShape shape, IReadOnlyList<double> inputs, IReadOnlyList<double> weights,
        IReadOnlyList<QubitModel>? models = null, double errorBudget = DefaultErrorBudget)
    {
        models ??= Models;
        if (models.Count == 0) throw new ArgumentException("no qubit models to estimate; give at least one.", nameof(models));
        if (!double.IsFinite(errorBudget) || errorBudget <= 0 || errorBudget >= 1)
            throw new UserError($"the error budget is {errorBudget}; allowed: a probability in (0, 1), e.g. 0.001.");
        string source = InferenceEntry.Source(shape, inputs, weights);
        var items = runtime.Estimates(InferenceEntry.File, source, InferenceEntry.Expression,
            new JsonArray(models.Select(m => (JsonNode)m.Params(errorBudget)).ToArray()));
        return items.Select((e, i) => Parse(e, models[i])).ToList();
    }

    private static ResourceEstimate Parse(JsonElement e, QubitModel model)
    {
        if (e.TryGetProperty("status", out var status) && status.GetString() != "success")
            throw new RuntimeException(RuntimeErrorKind.Estimate, $"the estimator failed for {model.Name}: {e}");
        var physical = e.GetProperty("physicalCounts");
        var breakdown = physical.GetProperty("breakdown");
        var logical = e.GetProperty("logicalCounts");
        return new ResourceEstimate(
            model.Name, model.QecScheme,
            CircuitQubits: logical.GetProperty("numQubits").GetInt32(),
            LogicalQubits: breakdown.GetProperty("algorithmicLogicalQubits").GetInt32(),
            CodeDistance: e.GetProperty("logicalQubit").GetProperty("codeDistance").GetInt32(),
            PhysicalQubits: physical.GetProperty("physicalQubits").GetInt64(),
            RuntimeNs: physical.GetProperty("runtime").GetDouble(),
            TStates: breakdown.GetProperty("numTstates").GetInt64(),
            TFactories: breakdown.GetProperty("numTfactories").GetInt32(),
            Rotations: logical.GetProperty("rotationCount").GetInt32(),
            Measurements: logical.GetProperty("measurementCount").GetInt32());
    }

    /// <summary>A duration in the largest unit that keeps it ≥ 1: "198 µs", "2.4 s", "3.1 h".</summary>
    public static string FormatDuration(double ns)
    {
        (double Scale, string Unit)[] units = [(3.6e12, "h"), (6e10, "min"), (1e9, "s"), (1e6, "ms"), (1e3, "µs")];
        var (scale, unit) = units.FirstOrDefault(u => ns >= u.Scale, (1, "ns"));
        return FormattableString.Invariant($"{ns / scale:G3} {unit}");
    }
}

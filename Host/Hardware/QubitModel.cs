using System.Text.Json.Nodes;

namespace Qtl.Hardware;

/// <summary>One of the QDK resource estimator's predefined qubit models, with the QEC scheme it needs.</summary>
public sealed record QubitModel(string Name, string QecScheme)
{
    /// <summary>The estimator's params item for this model.</summary>
    public JsonObject Params(double errorBudget) => new()
    {
        ["qubitParams"] = new JsonObject { ["name"] = Name },
        ["qecScheme"] = new JsonObject { ["name"] = QecScheme },
        ["errorBudget"] = errorBudget,
    };
}

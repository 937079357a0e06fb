using System.Text.Json;

namespace Qtl.Reports.Charting;

/// <summary>Reads qsharp-lang's circuit JSON ({qubits, componentGrid}) into columns of leaf operations.</summary>
internal static class CircuitGrid
{
    public static (int Qubits, List<List<QdkGate>> Columns) Parse(JsonElement circuit)
    {
        int qubits = circuit.GetProperty("qubits").GetArrayLength();
        var columns = new List<List<QdkGate>>();
        Flatten(circuit.GetProperty("componentGrid"), columns);
        return (qubits, columns);
    }

    /// <summary>Columns of leaf operations; grouped scopes (children) are expanded in place, after their column.</summary>
    private static void Flatten(JsonElement grid, List<List<QdkGate>> columns)
    {
        foreach (var column in grid.EnumerateArray())
        {
            var components = column.GetProperty("components").EnumerateArray().ToList();
            var leaves = components.Where(c => !HasChildren(c)).Select(Gate).ToList();
            if (leaves.Count > 0) columns.Add(leaves);
            foreach (var c in components.Where(HasChildren)) Flatten(c.GetProperty("children"), columns);
        }
    }

    private static bool HasChildren(JsonElement op) =>
        op.TryGetProperty("children", out var ch) && ch.ValueKind == JsonValueKind.Array && ch.GetArrayLength() > 0;

    private static QdkGate Gate(JsonElement op)
    {
        string kind = op.GetProperty("kind").GetString() ?? "unitary";
        string gate = op.TryGetProperty("gate", out var g) ? g.ToString() : "";
        var args = op.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(x => x.ToString()).ToList() : [];
        bool adjoint = op.TryGetProperty("isAdjoint", out var adj) && adj.ValueKind == JsonValueKind.True;
        var wires = op.TryGetProperty("targets", out var t) ? t : op.TryGetProperty("qubits", out var q) ? q : default;
        var targets = wires.ValueKind == JsonValueKind.Array ? wires.EnumerateArray().Select(r => r.GetProperty("qubit").GetInt32()).ToList() : [];
        var controls = op.TryGetProperty("controls", out var c)
            ? c.EnumerateArray().Select(r => (r.GetProperty("qubit").GetInt32(), r.TryGetProperty("inverted", out var inv) && inv.ValueKind == JsonValueKind.True)).ToList()
            : [];
        return new QdkGate(kind, gate, args, adjoint, targets, controls);
    }
}

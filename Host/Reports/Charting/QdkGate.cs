using System.Globalization;

namespace Qtl.Reports.Charting;

/// <summary>One operation of the QDK's circuit: kind (unitary, measurement, ket), gate name, formatted angle arguments and wires.</summary>
internal sealed record QdkGate(string Kind, string Gate, IReadOnlyList<string> Args, bool IsAdjoint, IReadOnlyList<int> Targets, IReadOnlyList<(int Qubit, bool Inverted)> Controls)
{
    public bool IsCnot => Kind == "unitary" && Gate == "X" && Controls.Count > 0;
    public bool IsMeasurement => Kind == "measurement";

    /// <summary>The box's first line (gate name) and second line (angles to 2 decimals; empty when there are none).</summary>
    public (string Name, string Angles) Label => Kind switch
    {
        "measurement" => ("M", ""),
        "ket" => ($"|{Gate}⟩", ""),
        _ => (Gate + (IsAdjoint ? "†" : ""), string.Join(", ", Args.Select(TwoDecimals))),
    };

    /// <summary>The QDK formats angles to 4 decimals; diagrams show 2 (and never "-0.00").</summary>
    private static string TwoDecimals(string arg)
    {
        if (!double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return arg;
        string s = v.ToString("F2", CultureInfo.InvariantCulture);
        return s == "-0.00" ? "0.00" : s;
    }
}

using ScottPlot;

namespace Qtl.Reports.Charting;

/// <summary>
/// Draws the QDK's gate grid with ScottPlot in pixel-sized data units (1 unit = 1 px, y down, axes hidden):
/// labelled wires, gate boxes with name and angle (H boxes in another colour, measurements grey),
/// control dots and ⊕ targets for CNOTs.
/// </summary>
internal static class CircuitDrawing
{
    private const float Row = 52, Top = 30, Left = 64, Gap = 14, BoxHeight = 36, NameSize = 14, AngleSize = 11;
    private static readonly Color Ink = Color.FromHex("#222222"), Wire = Color.FromHex("#555555"), Border = Color.FromHex("#2d4a6b");

    public static string Svg(int qubits, List<List<QdkGate>> columns)
    {
        var widths = columns.Select(col => col.Max(Width)).ToList();
        int width = (int)Math.Ceiling(Left + widths.Sum(w => w + Gap) + Gap + 20);
        int height = (int)Math.Ceiling(Top + (qubits - 1) * Row + 34);
        var plot = ChartFonts.NewPlot();
        for (int q = 0; q < qubits; q++)
        {
            var label = plot.Add.Text($"q{q}", Left - 12, Y(q));
            Style(label, NameSize, Alignment.MiddleRight, Color.FromHex("#333333"));
            Segment(plot, Left, Y(q), width - 10, Y(q), Wire, 1.2f);
        }
        float x = Left + Gap;
        for (int i = 0; i < columns.Count; i++)
        {
            foreach (var op in columns[i]) DrawOp(plot, op, x + widths[i] / 2);
            x += widths[i] + Gap;
        }
        plot.HideAxesAndGrid();
        plot.Layout.Frameless();
        plot.Axes.SetLimits(0, width, height, 0);
        return SvgExport.ToSvg(plot, width, height, "circuit", $"circuit diagram, {qubits} qubits");
    }

    private static float Y(int qubit) => Top + qubit * Row;

    private static float Width(QdkGate op)
    {
        if (op.IsCnot) return 26;
        var (name, angles) = op.Label;
        return Math.Max(40, Math.Max(ChartFonts.Measure(name, NameSize) + 16, ChartFonts.Measure(angles, AngleSize) + 12));
    }

    private static void DrawOp(Plot plot, QdkGate op, float cx)
    {
        var wires = op.Targets.Concat(op.Controls.Select(c => c.Qubit)).ToList();
        if (op.Controls.Count > 0)
        {
            Segment(plot, cx, Y(wires.Min()), cx, Y(wires.Max()), Ink, 1.4f);
            foreach (var (q, inverted) in op.Controls) Disc(plot, cx, Y(q), 5, inverted ? Colors.White : Ink);
        }
        if (op.IsCnot)
        {
            foreach (int t in op.Targets)
            {
                Disc(plot, cx, Y(t), 11, Colors.White);
                Segment(plot, cx - 11, Y(t), cx + 11, Y(t), Ink, 1.4f);
                Segment(plot, cx, Y(t) - 11, cx, Y(t) + 11, Ink, 1.4f);
            }
            return;
        }
        if (op.Targets.Count == 0) return;
        float w = Width(op) - 4, top = Y(op.Targets.Min()) - BoxHeight / 2;
        float h = Y(op.Targets.Max()) - Y(op.Targets.Min()) + BoxHeight, mid = top + h / 2;
        var box = plot.Add.Rectangle(cx - w / 2, cx + w / 2, top + h, top);
        box.FillColor = Color.FromHex(op.Gate == "H" ? "#fde7c8" : op.IsMeasurement ? "#e4e4e4" : "#d8e8f8");
        box.LineColor = Border;
        box.LineWidth = 1.2f;
        var (name, angles) = op.Label;
        if (angles.Length == 0)
        {
            Style(plot.Add.Text(name, cx, mid), NameSize, Alignment.MiddleCenter, Color.FromHex("#111111"));
            return;
        }
        Style(plot.Add.Text(name, cx, mid + 1), NameSize, Alignment.LowerCenter, Color.FromHex("#111111"));
        Style(plot.Add.Text(angles, cx, mid + 2), AngleSize, Alignment.UpperCenter, Color.FromHex("#333333"));
    }

    private static void Style(ScottPlot.Plottables.Text text, float size, Alignment alignment, Color color)
    {
        text.LabelFontSize = size;
        text.Alignment = alignment;
        text.LabelFontColor = color;
    }

    private static void Segment(Plot plot, double x1, double y1, double x2, double y2, Color color, float width)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.LineColor = color;
        line.LineWidth = width;
        line.MarkerSize = 0;
    }

    private static void Disc(Plot plot, double x, double y, double radius, Color fill)
    {
        var disc = plot.Add.Circle(x, y, radius);
        disc.FillColor = fill;
        disc.LineColor = Ink;
        disc.LineWidth = 1.4f;
    }
}

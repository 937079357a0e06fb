using ScottPlot;
using SkiaSharp;

namespace Qtl.Reports.Charting;

/// <summary>
/// A polyline with circle markers whose dashes are cut here, in pixel space. Skia's SVG writer cannot
/// express a dash path effect (ScottPlot's LinePattern): it prints "Unsupported path effect" on stderr
/// for every dashed line. Drawing each dash as its own short stroke gives the same picture silently.
/// </summary>
internal sealed class SeriesLine(double[] xs, double[] ys, ScottPlot.Color color, SplitStyle style) : IPlottable
{
    public const float Width = 2;
    public const float MarkerRadius = 3.2f;

    public bool IsVisible { get; set; } = true;
    public IAxes Axes { get; set; } = new Axes();
    public IEnumerable<LegendItem> LegendItems => LegendItem.None;

    public AxisLimits GetAxisLimits() => new(xs.Min(), xs.Max(), ys.Min(), ys.Max());

    public void Render(RenderPack rp)
    {
        var canvas = rp.Canvas;
        var points = xs.Select((x, i) => Axes.GetPixel(new Coordinates(x, ys[i]))).ToArray();
        var sk = new SKColor(color.R, color.G, color.B, color.A);
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = Width, Color = sk, IsAntialias = true, StrokeCap = SKStrokeCap.Butt };
        if (points.Length > 1)
        {
            using var path = new SKPath();
            path.MoveTo(points[0].X, points[0].Y);
            foreach (var p in points.Skip(1)) path.LineTo(p.X, p.Y);
            if (style.Dash is null) canvas.DrawPath(path, stroke);
            else DrawDashed(canvas, path, stroke, style.Dash);
        }
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = style.OpenMarkers ? SKColors.White : sk, IsAntialias = true };
        using var outline = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = sk, IsAntialias = true };
        foreach (var p in points)
        {
            canvas.DrawCircle(p.X, p.Y, MarkerRadius, fill);
            canvas.DrawCircle(p.X, p.Y, MarkerRadius, outline);
        }
    }

    /// <summary>Strokes the on-intervals of <paramref name="dash"/> (on, off, on, off...) along the path.</summary>
    private static void DrawDashed(SKCanvas canvas, SKPath path, SKPaint stroke, float[] dash)
    {
        using var measure = new SKPathMeasure(path, false);
        float length = measure.Length, at = 0;
        for (int i = 0; at < length; i = (i + 1) % dash.Length)
        {
            float end = Math.Min(at + dash[i], length);
            if (i % 2 == 0)
            {
                using var segment = new SKPath();
                if (measure.GetSegment(at, end, segment, true)) canvas.DrawPath(segment, stroke);
            }
            at = end;
        }
    }
}

using ScottPlot;
using SkiaSharp;

namespace BalaiKota.Reporting.Pdf;

/// <summary>One positioned thing on a laid-out page; drawn once, in the second pass, when the page count is known.</summary>
internal abstract class DrawOp
{
    public abstract void Draw(SKCanvas canvas);
}

internal sealed class TextOp(string text, float x, float baseline, TextStyle style) : DrawOp
{
    public override void Draw(SKCanvas canvas) => canvas.DrawText(text, x, baseline, style.Font, style.Paint);
}

internal sealed class LineOp(float x1, float y1, float x2, float y2, SKPaint paint) : DrawOp
{
    public override void Draw(SKCanvas canvas) => canvas.DrawLine(x1, y1, x2, y2, paint);
}

internal sealed class RectOp(SKRect rect, SKPaint paint) : DrawOp
{
    public override void Draw(SKCanvas canvas) => canvas.DrawRect(rect, paint);
}

/// <summary>An image drawn from its encoded data; a JPEG goes into the PDF as it is, without being decoded.</summary>
internal sealed class ImageOp(SKImage image, SKRect rect) : DrawOp
{
    public SKRect Rect => rect;

    public override void Draw(SKCanvas canvas) => canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Linear));
}

/// <summary>A ScottPlot chart drawn as vectors straight onto the page.</summary>
internal sealed class ChartOp(Action<Plot> chart, SKRect rect) : DrawOp
{
    public override void Draw(SKCanvas canvas)
    {
        ReportFonts.EnsureScottPlotUsesEmbeddedFont();
        using var plot = new Plot();
        chart(plot);
        plot.Font.Set(ReportFonts.FamilyName);
        canvas.Save();
        canvas.ClipRect(rect);
        plot.Render(canvas, new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
        canvas.Restore();
    }
}

/// <summary>Operations laid out relative to an origin (a column of a side-by-side block), moved into place.</summary>
internal sealed class GroupOp(float dx, float dy, IReadOnlyList<DrawOp> ops) : DrawOp
{
    public float Dx => dx;

    public float Dy => dy;

    public IReadOnlyList<DrawOp> Ops => ops;

    public override void Draw(SKCanvas canvas)
    {
        canvas.Save();
        canvas.Translate(dx, dy);
        foreach (var op in ops)
        {
            op.Draw(canvas);
        }

        canvas.Restore();
    }
}

using SkiaSharp;

namespace BalaiKota.Core.Data.Seeding;

/// <summary>A drawn squiggle that stands in for a signature on generated visits; made once, shared by all.</summary>
internal static class SampleSignature
{
    private static readonly Lazy<byte[]> Image = new(Draw);

    public static byte[] Png => Image.Value;

    private static byte[] Draw()
    {
        using var surface = SKSurface.Create(new SKImageInfo(400, 150, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var pen = new SKPaint { Color = new SKColor(0x1A, 0x23, 0x7E), StrokeWidth = 4, IsStroke = true, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        using var path = new SKPath();
        path.MoveTo(30, 100);
        path.CubicTo(80, 10, 120, 140, 170, 70);
        path.CubicTo(210, 20, 240, 130, 290, 80);
        path.CubicTo(320, 50, 350, 90, 370, 60);
        canvas.DrawPath(path, pen);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

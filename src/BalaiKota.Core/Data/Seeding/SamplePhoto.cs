using BalaiKota.Core.Features.Photos;
using SkiaSharp;

namespace BalaiKota.Core.Data.Seeding;

/// <summary>
/// A drawn picture of a damp, cracked wall that stands in for a tablet photo on generated findings and repairs; made
/// once through the real photo pipeline (so it has a thumbnail like an upload) and shared by every generated photo.
/// </summary>
internal static class SamplePhoto
{
    private static readonly Lazy<ProcessedPhoto> Processed = new(() => PhotoProcessor.Process(Draw()));

    public static ProcessedPhoto Value => Processed.Value;

    private static byte[] Draw()
    {
        const int width = 800;
        const int height = 600;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using (var wall = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(236, 230, 214), new SKColor(196, 188, 168)], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = wall })
        {
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using (var damp = SKShader.CreateRadialGradient(new SKPoint(520, 180), 170, [new SKColor(120, 104, 72, 170), new SKColor(120, 104, 72, 0)], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = damp, IsAntialias = true })
        {
            canvas.DrawOval(new SKRect(340, 40, 700, 330), paint);
        }

        using (var crack = new SKPaint { Color = new SKColor(70, 60, 50), StrokeWidth = 3, IsStroke = true, IsAntialias = true })
        using (var path = new SKPath())
        {
            path.MoveTo(470, 120);
            path.LineTo(500, 210);
            path.LineTo(480, 290);
            path.LineTo(530, 380);
            path.LineTo(515, 470);
            canvas.DrawPath(path, crack);
        }

        using var floor = new SKPaint { Color = new SKColor(150, 120, 90) };
        canvas.DrawRect(0, 520, width, 80, floor);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}

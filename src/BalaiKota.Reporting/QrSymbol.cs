using QRCoder;
using SkiaSharp;

namespace BalaiKota.Reporting;

/// <summary>
/// QR codes of room addresses, made by QRCoder: drawn as vector squares on a Skia canvas, so that a PDF label stays
/// sharp at any print size, and as SVG for the screen. Both use the same error correction and the four-module quiet
/// zone a scanner needs to find the symbol.
/// </summary>
public static class QrSymbol
{
    /// <summary>Light modules on every side of the symbol (ISO/IEC 18004); QRCoder includes them in its matrix.</summary>
    public const int QuietZone = 4;

    // M restores about 15 % of the code: enough for a scuffed door label while the symbol stays small.
    private const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.M;

    /// <summary>The code as an SVG that scales to its container (black on white, quiet zone included).</summary>
    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, Correction);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The modules, quiet zone included, as [row, column]; true is dark.</summary>
    internal static bool[,] Modules(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, Correction);
        var matrix = data.ModuleMatrix;
        var modules = new bool[matrix.Count, matrix.Count];
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix.Count; column++)
            {
                modules[row, column] = matrix[row][column];
            }
        }

        return modules;
    }

    /// <summary>
    /// Fills the square <paramref name="box"/> with the code: a white square for the quiet zone, then the dark modules as
    /// one path of horizontal runs, so that no hairline shows between neighbouring modules in a viewer or a printer. The
    /// path is in whole modules under a scale: the PDF then writes short integers instead of fractional points, which
    /// made up most of a label sheet's page.
    /// </summary>
    internal static void Draw(SKCanvas canvas, bool[,] modules, SKRect box)
    {
        var count = modules.GetLength(0);
        using var light = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        using var dark = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var path = new SKPath();
        for (var row = 0; row < count; row++)
        {
            var column = 0;
            while (column < count)
            {
                if (!modules[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < count && modules[row, column])
                {
                    column++;
                }

                path.AddRect(SKRect.Create(start, row, column - start, 1));
            }
        }

        canvas.DrawRect(box, light);
        canvas.Save();
        canvas.Translate(box.Left, box.Top);
        canvas.Scale(box.Width / count);
        canvas.DrawPath(path, dark);
        canvas.Restore();
    }
}

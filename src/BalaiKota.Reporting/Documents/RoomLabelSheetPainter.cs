using BalaiKota.Core.Features.Registry;
using BalaiKota.Reporting.Pdf;
using SkiaSharp;

namespace BalaiKota.Reporting.Documents;

/// <summary>
/// Draws one sheet of labels on any Skia canvas: a PDF page, or a bitmap in a test that scans the codes back. Fonts
/// and paints are made as needed and kept for the sheet (Skia objects are not shared between threads).
/// </summary>
internal sealed class RoomLabelSheetPainter(RoomLabelSheetWords words, DateTime printedAtUtc) : IDisposable
{
    /// <summary>The code itself, without its quiet zone: 4.16 cm, readable by a phone from an arm's length.</summary>
    public const float SymbolSide = 118f;

    /// <summary>Between the cut and the quiet zone, so that a cut a little off the line leaves the zone white.</summary>
    private const float QrInset = 8f;

    private const float Padding = 10f;
    private const float Gap = 5f;

    /// <summary>Room-name and detail sizes, tried in turn until the label's text fits its column: the name gives way first.</summary>
    private static readonly (float Name, float Detail)[] Sizes =
        [(14, 8.5f), (13, 8.5f), (12, 8.5f), (11, 8), (10, 8), (10, 7), (9, 7), (8, 6.5f), (7, 6), (6, 5), (5, 4), (4, 3)];

    private readonly Dictionary<(bool Bold, float Size, SKColor Color), TextStyle> styles = [];
    private readonly List<IDisposable> owned = [];
    private SKPaint? cut;

    public void DrawPage(SKCanvas canvas, IReadOnlyList<RoomLabel> labels, int number, int total)
    {
        canvas.Clear(SKColors.White);
        DrawFurniture(canvas, words.Title(labels[0].BuildingName, labels[0].Floor), number, total);
        for (var slot = 0; slot < labels.Count; slot++)
        {
            DrawLabel(canvas, labels[slot], RoomLabelSheet.Cell(slot));
        }

        DrawCutGuides(canvas, labels.Count);
    }

    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    private void DrawFurniture(SKCanvas canvas, string title, int number, int total)
    {
        var header = RoomLabelSheet.HeaderBand;
        var government = Style(bold: false, 8, ReportStyles.Grey);
        var governmentWidth = government.Measure(ReportText.Government);
        var (titleStyle, titleLines) = Fit(title, header.Width - governmentWidth - 16, header.Height - 6, 2, sizes: [10, 9, 8, 7, 6, 5]);
        var y = header.Top;
        foreach (var line in titleLines)
        {
            canvas.DrawText(line, header.Left, y + titleStyle.Ascent, titleStyle.Font, titleStyle.Paint);
            y += titleStyle.LineHeight;
        }

        canvas.DrawText(ReportText.Government, header.Right - governmentWidth, header.Top + government.Ascent, government.Font, government.Paint);

        var footer = RoomLabelSheet.FooterBand;
        var muted = Style(bold: false, 7.5f, ReportStyles.Grey);
        var baseline = footer.Top + 8 + muted.Ascent;
        canvas.DrawText(words.Printed(printedAtUtc), footer.Left, baseline, muted.Font, muted.Paint);
        var pageOf = words.PageOf(number, total);
        canvas.DrawText(pageOf, footer.Right - muted.Measure(pageOf), baseline, muted.Font, muted.Paint);
    }

    private void DrawLabel(SKCanvas canvas, RoomLabel label, SKRect cell)
    {
        var modules = QrSymbol.Modules(label.InspectUrl.AbsoluteUri);
        var count = modules.GetLength(0);
        var side = Math.Min(SymbolSide * count / (count - (2 * QrSymbol.QuietZone)), cell.Height - (2 * QrInset));
        var box = SKRect.Create(cell.Left + QrInset, cell.MidY - (side / 2), side, side);
        QrSymbol.Draw(canvas, modules, box);

        // The quiet zone already keeps the text clear of the code.
        var left = box.Right;
        var width = cell.Right - Padding - left;
        var blocks = FitLabel(label, width, cell.Height - (2 * Padding));
        var y = Math.Max(cell.Top + Padding, cell.MidY - (blocks.Sum(b => b.Height) / 2));
        foreach (var block in blocks)
        {
            foreach (var line in block.Lines)
            {
                canvas.DrawText(line, left, y + block.Style.Ascent, block.Style.Font, block.Style.Paint);
                y += block.Style.LineHeight;
            }

            y += block.After;
        }
    }

    /// <summary>The label's text at the largest sizes at which all of it fits the column; long words are split, never clipped.</summary>
    private List<TextRun> FitLabel(RoomLabel label, float width, float height)
    {
        List<TextRun> blocks = [];
        foreach (var (name, detail) in Sizes)
        {
            blocks =
            [
                Run(label.RoomName, Style(bold: true, name, ReportStyles.Ink), width, Gap),
                Run(label.OpdShortName, Style(bold: true, detail + 1, ReportStyles.DarkBlue), width, 0),
            ];
            if (!string.Equals(label.OpdName, label.OpdShortName, StringComparison.Ordinal))
            {
                blocks.Add(Run(label.OpdName, Style(bold: false, detail, ReportStyles.Grey), width, 0));
            }

            blocks[^1] = blocks[^1] with { After = Gap };
            blocks.Add(Run(label.BuildingName, Style(bold: false, detail, ReportStyles.Ink), width, 0));
            blocks.Add(Run(words.Floor(label.Floor), Style(bold: true, detail + 1, ReportStyles.Ink), width, Gap));
            blocks.Add(Run(words.ScanHint, Style(bold: false, detail - 1.5f, ReportStyles.Grey), width, 0));
            if (blocks.Sum(b => b.Height) <= height)
            {
                break;
            }
        }

        return blocks;
    }

    /// <summary>A line of furniture at the largest size at which it fits in <paramref name="lines"/> lines and the height.</summary>
    private (TextStyle Style, List<string> Lines) Fit(string text, float width, float height, int lines, float[] sizes)
    {
        for (var i = 0; ; i++)
        {
            var style = Style(bold: true, sizes[i], ReportStyles.DarkBlue);
            var wrapped = TextWrapper.Wrap(text, style, width);
            if (i == sizes.Length - 1 || (wrapped.Count <= lines && wrapped.Count * style.LineHeight <= height))
            {
                return (style, wrapped);
            }
        }
    }

    /// <summary>Dashed lines on the edges of every label placed, each edge drawn on its own so that shared edges coincide dash for dash.</summary>
    private void DrawCutGuides(SKCanvas canvas, int placed)
    {
        cut ??= Own(new SKPaint
        {
            Color = ReportStyles.RuleGrey,
            StrokeWidth = 0.6f,
            Style = SKPaintStyle.Stroke,
            IsAntialias = true,
            PathEffect = SKPathEffect.CreateDash([4f, 3f], 0),
        });
        for (var slot = 0; slot < placed; slot++)
        {
            var cell = RoomLabelSheet.Cell(slot);
            canvas.DrawLine(cell.Left, cell.Top, cell.Right, cell.Top, cut);
            canvas.DrawLine(cell.Left, cell.Bottom, cell.Right, cell.Bottom, cut);
            canvas.DrawLine(cell.Left, cell.Top, cell.Left, cell.Bottom, cut);
            canvas.DrawLine(cell.Right, cell.Top, cell.Right, cell.Bottom, cut);
        }
    }

    private static TextRun Run(string text, TextStyle style, float width, float after) => new(TextWrapper.Wrap(text, style, width), style, after);

    private TextStyle Style(bool bold, float size, SKColor color)
    {
        if (!styles.TryGetValue((bold, size, color), out var style))
        {
            var font = Own(new SKFont(bold ? ReportFonts.Bold : ReportFonts.Regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias });
            var paint = Own(new SKPaint { Color = color, IsAntialias = true });
            style = new TextStyle(font, paint, size * 1.25f);
            styles[(bold, size, color)] = style;
        }

        return style;
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    private sealed record TextRun(List<string> Lines, TextStyle Style, float After)
    {
        public float Height => (Lines.Count * Style.LineHeight) + After;
    }
}

using SkiaSharp;

namespace BalaiKota.Reporting.Pdf;

/// <summary>A font at a size, its colour and the distance from one baseline to the next.</summary>
internal sealed class TextStyle(SKFont font, SKPaint paint, float lineHeight)
{
    public SKFont Font { get; } = font;

    public SKPaint Paint { get; } = paint;

    public float LineHeight { get; } = lineHeight;

    /// <summary>From the top of a line to its baseline.</summary>
    public float Ascent => -Font.Metrics.Ascent + ((LineHeight - Font.Size * 1.16f) / 2);

    public float Measure(string text) => Font.MeasureText(text);
}

public enum TextKind
{
    Body,
    Strong,
    Small,
    Muted,
    Title,
    Subtitle,
}

/// <summary>
/// The restrained look of a city-government document: near-black body text, dark-blue headings, thin grey rules and a
/// light header fill. Fonts and paints are made once per report (Skia objects are not shared between threads).
/// </summary>
internal sealed class ReportStyles : IDisposable
{
    public static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor DarkBlue = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor Grey = new(0x55, 0x5B, 0x63);
    public static readonly SKColor RuleGrey = new(0x9A, 0xA5, 0xB1);
    public static readonly SKColor HeaderFill = new(0xE6, 0xEC, 0xF2);

    private readonly List<IDisposable> owned = [];

    public ReportStyles()
    {
        Body = Style(ReportFonts.Regular, 9.5f, Ink);
        Strong = Style(ReportFonts.Bold, 9.5f, Ink);
        Small = Style(ReportFonts.Regular, 8f, Ink);
        SmallStrong = Style(ReportFonts.Bold, 8f, DarkBlue);
        Muted = Style(ReportFonts.Regular, 8f, Grey);
        Title = Style(ReportFonts.Bold, 22f, DarkBlue);
        Subtitle = Style(ReportFonts.Regular, 14f, DarkBlue);
        Headings = [Style(ReportFonts.Bold, 15f, DarkBlue), Style(ReportFonts.Bold, 12f, DarkBlue), Style(ReportFonts.Bold, 10.5f, DarkBlue)];
        Rule = Stroke(RuleGrey, 0.5f);
        StrongRule = Stroke(DarkBlue, 0.8f);
        Fill = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill, IsAntialias = false };
        owned.Add(Fill);
    }

    public TextStyle Body { get; }

    public TextStyle Strong { get; }

    public TextStyle Small { get; }

    public TextStyle SmallStrong { get; }

    public TextStyle Muted { get; }

    public TextStyle Title { get; }

    public TextStyle Subtitle { get; }

    /// <summary>Levels 1, 2 and 3.</summary>
    public IReadOnlyList<TextStyle> Headings { get; }

    public SKPaint Rule { get; }

    public SKPaint StrongRule { get; }

    public SKPaint Fill { get; }

    public TextStyle Of(TextKind kind) => kind switch
    {
        TextKind.Strong => Strong,
        TextKind.Small => Small,
        TextKind.Muted => Muted,
        TextKind.Title => Title,
        TextKind.Subtitle => Subtitle,
        _ => Body,
    };

    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    private TextStyle Style(SKTypeface typeface, float size, SKColor color)
    {
        var font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        var paint = new SKPaint { Color = color, IsAntialias = true };
        owned.Add(font);
        owned.Add(paint);
        return new TextStyle(font, paint, size * 1.32f);
    }

    private SKPaint Stroke(SKColor color, float width)
    {
        var paint = new SKPaint { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
        owned.Add(paint);
        return paint;
    }
}

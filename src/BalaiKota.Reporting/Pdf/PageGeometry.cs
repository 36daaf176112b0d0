using SkiaSharp;

namespace BalaiKota.Reporting.Pdf;

public enum PageOrientation
{
    Portrait,
    Landscape,
}

/// <summary>An A4 page in PDF points (1/72 inch) and the boxes on it: header band, content box, footer band.</summary>
internal sealed record PageGeometry(float Width, float Height)
{
    public const float A4Short = 595.28f;
    public const float A4Long = 841.89f;
    public const float Margin = 48f;
    public const float HeaderHeight = 30f;
    public const float FooterHeight = 30f;

    public static PageGeometry For(PageOrientation orientation) =>
        orientation == PageOrientation.Portrait ? new(A4Short, A4Long) : new(A4Long, A4Short);

    public float ContentLeft { get; } = Margin;

    public float ContentRight => Width - Margin;

    public float ContentWidth => ContentRight - ContentLeft;

    /// <summary>Below the header band (its title line and rule sit between the page's top margin and here).</summary>
    public float ContentTop { get; } = (Margin * 0.75f) + HeaderHeight;

    public float ContentBottom => Height - (Margin * 0.75f) - FooterHeight;

    public float ContentHeight => ContentBottom - ContentTop;

    public SKRect ContentBox => new(ContentLeft, ContentTop, ContentRight, ContentBottom);
}

namespace BalaiKota.Reporting.Pdf;

/// <summary>A page after layout: its size and everything on it, in drawing order.</summary>
internal sealed class LaidOutPage(PageGeometry geometry)
{
    public PageGeometry Geometry { get; } = geometry;

    public List<DrawOp> Ops { get; } = [];
}

/// <summary>
/// The first pass: a cursor moving down the content box, opening a new page when a block asks for one. A context may
/// also be a trial (to see whether a block fits) or a free column of unbounded height (for side-by-side blocks).
/// </summary>
internal sealed class LayoutContext
{
    private readonly bool unbounded;

    // A column keeps its own box; the page flow follows the current page, which may have turned to landscape.
    private readonly (float Left, float Width)? column;

    public LayoutContext(ReportStyles styles, PageGeometry geometry)
    {
        Styles = styles;
        Pages.Add(new LaidOutPage(geometry));
        Y = geometry.ContentTop;
    }

    private LayoutContext(ReportStyles styles, PageGeometry geometry, float left, float width, float y, bool unbounded)
        : this(styles, geometry)
    {
        column = (left, width);
        Y = y;
        this.unbounded = unbounded;
    }

    public ReportStyles Styles { get; }

    public List<LaidOutPage> Pages { get; } = [];

    public LaidOutPage Page => Pages[^1];

    public List<DrawOp> Ops => Page.Ops;

    public float Y { get; set; }

    public float Left => column?.Left ?? Page.Geometry.ContentLeft;

    public float Width => column?.Width ?? Page.Geometry.ContentWidth;

    public float Right => Left + Width;

    public float Top => unbounded ? 0 : Page.Geometry.ContentTop;

    public float Bottom => unbounded ? float.PositiveInfinity : Page.Geometry.ContentBottom;

    public float Remaining => Bottom - Y;

    /// <summary>The tallest a block may be: a whole content box, even in an unbounded column.</summary>
    public float PageContentHeight => Page.Geometry.ContentHeight;

    public bool AtPageTop => Y <= Top + 0.01f;

    public int PageBreaks { get; private set; }

    /// <summary>A context starting where this one is, on a page of its own, to lay a block out without committing it.</summary>
    public LayoutContext Trial() => column is { } box ? new(Styles, Page.Geometry, box.Left, box.Width, Y, unbounded) : new(Styles, Page.Geometry) { Y = Y };

    /// <summary>A column of the given width starting at y = 0 that never breaks.</summary>
    public LayoutContext Column(float left, float width) => new(Styles, Page.Geometry, left, width, 0, unbounded: true);

    public void NewPage(PageOrientation? orientation = null)
    {
        if (unbounded)
        {
            throw new InvalidOperationException("A side-by-side column cannot break a page.");
        }

        var geometry = orientation is { } o ? PageGeometry.For(o) : Page.Geometry;
        Pages.Add(new LaidOutPage(geometry));
        Y = geometry.ContentTop;
        PageBreaks++;
    }

    /// <summary>Breaks the page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    public void EnsureRoom(float height)
    {
        if (height > Remaining && !AtPageTop)
        {
            NewPage();
        }
    }

    /// <summary>Vertical space between blocks; none at the top of a page, and never past the bottom.</summary>
    public void Space(float height)
    {
        if (!AtPageTop)
        {
            Y = Math.Min(Y + height, Bottom);
        }
    }

    public void Text(string text, float x, float lineTop, TextStyle style) => Ops.Add(new TextOp(text, x, lineTop + style.Ascent, style));
}

using BalaiKota.Core.Features.Reports;
using ScottPlot;
using SkiaSharp;

namespace BalaiKota.Reporting.Pdf;

/// <param name="Title">Printed in every page header and stored as the PDF's title.</param>
/// <param name="GeneratedAtUtc">Printed in every footer, in WIB, and stored as the PDF's creation date.</param>
public sealed record PdfReportOptions(string Title, string Subject, ReportLanguage Language, DateTime GeneratedAtUtc, PageOrientation Orientation = PageOrientation.Portrait);

/// <summary>
/// A report built as a flow of blocks, then turned into a PDF in two passes: layout measures everything into pages of
/// positioned draw operations; drawing then paints each page once, with "page x of y" known.
/// </summary>
public sealed class PdfReport : IDisposable
{
    private readonly PdfReportOptions options;
    private readonly ReportStyles styles = new();
    private readonly List<SKImage> images = [];
    private List<IBlock> target = [];

    public PdfReport(PdfReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Text = ReportText.For(options.Language);
    }

    /// <summary>The wording and formats of the report's language.</summary>
    public ReportText Text { get; }

    public PdfReport Heading(string text, int level = 1) => Add(new HeadingBlock(text, level));

    public PdfReport Paragraph(string text, TextKind kind = TextKind.Body, TextAlignment alignment = TextAlignment.Left) =>
        Add(new ParagraphBlock(text, kind, alignment));

    public PdfReport KeyValues(IEnumerable<(string Key, string Value)> pairs) =>
        Add(new TableBlock([new TableColumn(string.Empty, 3), new TableColumn(string.Empty, 7)], pairs.Select(p => (IReadOnlyList<TableCell>)[p.Key, p.Value]).ToList(), showHeader: false, ruled: false));

    public PdfReport Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<TableCell>> rows) =>
        Add(new TableBlock(columns, rows, showHeader: true, ruled: true));

    /// <summary>An encoded image (JPEG or PNG) at the full content width, scaled down to fit <paramref name="maxHeight"/> and the page.</summary>
    public PdfReport Image(byte[] encoded, string? caption = null, float? maxHeight = null) => Add(new ImageBlock(Decode(encoded), caption, maxHeight));

    public PdfReport PhotoGrid(IReadOnlyList<ReportPhoto> photos, int columns)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        return photos.Count == 0 ? this : Add(new PhotoGridBlock(photos.Select(p => (Decode(p.Jpeg), p.Caption)).ToList(), columns));
    }

    /// <summary>A ScottPlot chart drawn as vectors into the content width; <paramref name="chart"/> adds the plottables and labels.</summary>
    public PdfReport Chart(Action<Plot> chart, float height) => Add(new ChartBlock(chart, height));

    public PdfReport KeepTogether(Action<PdfReport> content) => Add(new KeepTogetherBlock(Collect(content)));

    /// <summary>Columns of equal width side by side, placed as one piece.</summary>
    public PdfReport Columns(params Action<PdfReport>[] columns) => Add(new ColumnsBlock(columns.Select(Collect).ToList()));

    public PdfReport Spacer(float height) => Add(new SpacerBlock(height));

    /// <summary>Blank space with a line under it, over <paramref name="widthShare"/> of the width (e.g. a place to sign).</summary>
    public PdfReport Rule(float height, float widthShare = 1f) => Add(new RuleBlock(height, widthShare));

    /// <summary>Ends the page; the next starts in <paramref name="orientation"/>, or as the page before.</summary>
    public PdfReport PageBreak(PageOrientation? orientation = null) => Add(new PageBreakBlock(orientation));

    public byte[] ToPdf()
    {
        var pages = Layout();
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = options.Title,
            Author = ReportText.Author,
            Subject = options.Subject,
            Creator = "BalaiKota",
            Producer = "BalaiKota (SkiaSharp)",
            Creation = DateTime.SpecifyKind(options.GeneratedAtUtc, DateTimeKind.Utc),
            Modified = DateTime.SpecifyKind(options.GeneratedAtUtc, DateTimeKind.Utc),
            RasterDpi = 150,
            EncodingQuality = 90,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var canvas = document.BeginPage(page.Geometry.Width, page.Geometry.Height);
                DrawFurniture(canvas, page.Geometry, i + 1, pages.Count);
                foreach (var op in page.Ops)
                {
                    op.Draw(canvas);
                }

                document.EndPage();
            }

            document.Close();
        }

        return stream.ToArray();
    }

    public void Dispose()
    {
        foreach (var image in images)
        {
            image.Dispose();
        }

        styles.Dispose();
    }

    internal List<LaidOutPage> Layout()
    {
        var context = new LayoutContext(styles, PageGeometry.For(options.Orientation));
        foreach (var block in target)
        {
            block.Layout(context);
        }

        return context.Pages;
    }

    /// <summary>Header (the city government and the report's title) and footer (generation time, page x of y).</summary>
    private void DrawFurniture(SKCanvas canvas, PageGeometry page, int number, int total)
    {
        var small = styles.SmallStrong;
        var muted = styles.Muted;
        var headerBaseline = (PageGeometry.Margin * 0.75f) + small.Font.Size;
        canvas.DrawText(ReportText.Government, page.ContentLeft, headerBaseline, small.Font, small.Paint);
        var title = FitToWidth(options.Title, muted, page.ContentWidth * 0.6f);
        canvas.DrawText(title, page.ContentRight - muted.Measure(title), headerBaseline, muted.Font, muted.Paint);
        var headerRule = headerBaseline + 6;
        canvas.DrawLine(page.ContentLeft, headerRule, page.ContentRight, headerRule, styles.StrongRule);

        var footerRule = page.ContentBottom + 12;
        var footerBaseline = footerRule + 4 + muted.Font.Size;
        canvas.DrawLine(page.ContentLeft, footerRule, page.ContentRight, footerRule, styles.Rule);
        canvas.DrawText(Text.Format(Text.GeneratedAt, Text.DateTime(options.GeneratedAtUtc)), page.ContentLeft, footerBaseline, muted.Font, muted.Paint);
        var pageOf = Text.Format(Text.PageOf, number, total);
        canvas.DrawText(pageOf, page.ContentRight - muted.Measure(pageOf), footerBaseline, muted.Font, muted.Paint);
    }

    /// <summary>A long title in the header is shortened with an ellipsis rather than run into the organisation's name.</summary>
    private static string FitToWidth(string text, TextStyle style, float width)
    {
        if (style.Measure(text) <= width)
        {
            return text;
        }

        var fits = (int)style.Font.BreakText(text, width - style.Measure("…"));
        return string.Concat(text.AsSpan(0, fits).TrimEnd(), "…");
    }

    private SKImage Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var image = SKImage.FromEncodedData(encoded) ?? throw new ArgumentException("Not a decodable image.", nameof(encoded));
        images.Add(image);
        return image;
    }

    private PdfReport Add(IBlock block)
    {
        target.Add(block);
        return this;
    }

    private List<IBlock> Collect(Action<PdfReport> content)
    {
        var outer = target;
        target = [];
        try
        {
            content(this);
            return target;
        }
        finally
        {
            target = outer;
        }
    }
}

using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Pdf;
using SkiaSharp;

namespace BalaiKota.Reporting.Documents;

/// <summary>
/// "Label QR ruangan": A4 sheets of door labels, two across and four down, each about 9.5 × 6.5 cm with the room's
/// name, OPD, building and floor beside a QR code of 4 cm or more that opens the room's inspection page. Every floor
/// starts a new sheet, so the labels of a floor can be handed out together; dashed lines show where to cut.
/// </summary>
public static class RoomLabelSheet
{
    public const int Columns = 2;
    public const int Rows = 4;
    public const int PerPage = Columns * Rows;

    // Narrower margins than the reports: a label sheet is cut up, and every point of width goes to the labels.
    private const float Margin = 28f;
    private const float HeaderHeight = 26f;
    private const float FooterHeight = 22f;
    private static readonly SKSize Page = new(PageGeometry.A4Short, PageGeometry.A4Long);
    private static readonly SKRect Grid = new(Margin, Margin + HeaderHeight, Page.Width - Margin, Page.Height - Margin - FooterHeight);

    public static byte[] Render(RoomLabelSheetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Labels.Count == 0)
        {
            throw new ArgumentException("A label sheet needs at least one room.", nameof(model));
        }

        var words = new RoomLabelSheetWords(model.Language);
        var pages = Paginate(model.Labels);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = words.Title(model.BuildingName, model.Floor),
            Author = ReportText.Author,
            Subject = words.Title(model.BuildingName, model.Floor),
            Creator = "BalaiKota",
            Producer = "BalaiKota (SkiaSharp)",
            Creation = DateTime.SpecifyKind(model.PrintedAtUtc, DateTimeKind.Utc),
            Modified = DateTime.SpecifyKind(model.PrintedAtUtc, DateTimeKind.Utc),
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var painter = new RoomLabelSheetPainter(words, model.PrintedAtUtc))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(Page.Width, Page.Height);
                painter.DrawPage(canvas, pages[i], i + 1, pages.Count);
                document.EndPage();
            }

            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>The labels of each page: a floor's rooms fill pages of <see cref="PerPage"/>, and the next floor begins on a fresh one.</summary>
    internal static List<IReadOnlyList<RoomLabel>> Paginate(IReadOnlyList<RoomLabel> labels) =>
        [.. labels.GroupBy(l => l.Floor).SelectMany(floor => floor.Chunk(PerPage)).Select(chunk => (IReadOnlyList<RoomLabel>)chunk)];

    /// <summary>The cell of the label in this place on a page, counted along the rows from the top left.</summary>
    internal static SKRect Cell(int slot)
    {
        var width = Grid.Width / Columns;
        var height = Grid.Height / Rows;
        return SKRect.Create(Grid.Left + (slot % Columns * width), Grid.Top + (slot / Columns * height), width, height);
    }

    internal static SKRect HeaderBand => new(Margin, Margin, Page.Width - Margin, Grid.Top);

    internal static SKRect FooterBand => new(Margin, Grid.Bottom, Page.Width - Margin, Page.Height - Margin);

    internal static SKSize PageSize => Page;
}

using System.Globalization;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Documents;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using ZXing;
using ZXing.Common;

namespace BalaiKota.Reporting.Tests.Documents;

/// <summary>The door-label sheet read back with PdfPig (text and where it lies) and its QR codes scanned back with ZXing.</summary>
public sealed class RoomLabelSheetTests
{
    private const float PointsPerCentimetre = 72f / 2.54f;
    private static readonly DateTime Printed = new(2026, 12, 3, 2, 15, 0, DateTimeKind.Utc);

    [Fact]
    public void PrintsEveryRoomsNameAndOpdOnThePageOfItsFloor()
    {
        // Eleven rooms on floor 1 fill one page and three places of the next; floor 2 starts on a page of its own.
        var labels = Labels(floor: 1, count: 11).Concat(Labels(floor: 2, count: 4, opd: ("Badan Perencanaan Pembangunan Daerah", "Bappelitbang"))).ToList();

        var pdf = RoomLabelSheet.Render(Sheet(labels, floor: null));

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.Equal(3, pages.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var (page, slot) = labels[i].Floor == 2 ? (2, i - 11) : (i / 8, i % 8);
            var cell = CellText(pages[page], slot);
            Assert.Contains(Squeezed(labels[i].RoomName), cell, StringComparison.Ordinal);
            Assert.Contains(Squeezed(labels[i].OpdShortName + labels[i].OpdName), cell, StringComparison.Ordinal);
            Assert.Contains(Squeezed(labels[i].BuildingName + "Lantai " + labels[i].Floor + "Pindai kode QR untuk memeriksa ruangan ini di BalaiKota."), cell, StringComparison.Ordinal);
            Assert.Single(pages, p => Enumerable.Range(0, RoomLabelSheet.PerPage).Any(s => CellText(p, s).Contains(Squeezed(labels[i].RoomName), StringComparison.Ordinal)));
        }

        var words = pages.Select(p => p.GetWords().Select(w => w.Text).ToList()).ToList();
        Assert.True(PdfText.ContainsWrapped(words[0], "Label QR ruangan — Gedung Balai Kota Utama, lantai 1"));
        Assert.True(PdfText.ContainsWrapped(words[2], "Label QR ruangan — Gedung Balai Kota Utama, lantai 2"));
        Assert.True(PdfText.ContainsWrapped(words[2], "Lantai 2"));
        Assert.True(PdfText.ContainsWrapped(words[1], "Dicetak 3 Desember 2026, 09.15 WIB"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(16, 2)]
    [InlineData(41, 6)]
    public void FillsEightLabelsAPageAndNumbersThePages(int rooms, int expectedPages)
    {
        var pdf = RoomLabelSheet.Render(Sheet(Labels(floor: 3, count: rooms), floor: 3));

        var pages = PdfText.Pages(pdf);
        Assert.Equal(expectedPages, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {expectedPages}", pages[i], StringComparison.Ordinal);
        }

        using var document = PdfDocument.Open(pdf);
        Assert.All(Enumerable.Range(0, rooms), i => Assert.Contains($"RuangKerja{i + 1:00}", CellText(document.GetPage((i / 8) + 1), i % 8), StringComparison.Ordinal));
    }

    [Fact]
    public void DrawsCodesThatScanToEachRoomsInspectionAddressAtFourCentimetresOrMore()
    {
        var labels = Labels(floor: 1, count: 8).Select(l => l with { InspectUrl = new Uri($"https://balaikota.bandung.go.id/rooms/{l.RoomId}/inspect") }).ToList();
        const float scale = 3f;

        using var bitmap = Raster(Sheet(labels, floor: 1), labels, scale);

        for (var slot = 0; slot < labels.Count; slot++)
        {
            var cell = RoomLabelSheet.Cell(slot);
            var result = Scan(bitmap, new SKRectI((int)(cell.Left * scale), (int)(cell.Top * scale), (int)(cell.Right * scale), (int)(cell.Bottom * scale)));
            Assert.NotNull(result);
            Assert.Equal(labels[slot].InspectUrl.AbsoluteUri, result.Text);

            // The finder patterns' centres are (n − 7) modules apart on a symbol of n modules.
            var modules = QrSymbol.Modules(result.Text).GetLength(0) - (2 * QrSymbol.QuietZone);
            var (topLeft, topRight) = (result.ResultPoints[1], result.ResultPoints[2]);
            var centres = MathF.Sqrt(MathF.Pow(topRight.X - topLeft.X, 2) + MathF.Pow(topRight.Y - topLeft.Y, 2)) / scale;
            Assert.InRange(centres * modules / (modules - 7) / PointsPerCentimetre, 4.0f, 5.0f);
        }
    }

    [Fact]
    public void WrapsAndShrinksALongNameInsideItsLabelWithoutClippingAWord()
    {
        var longName = "Ruang Rapat Besar Bidang Pengelolaan Informasi Administrasi Kependudukan dan Pemanfaatan Data Terpadu "
            + "Lantai Tiga Sayap Timur Dekat Tangga Darurat RuangPenyimpananArsipDinamisInaktifYangSangatPanjang";
        var labels = Labels(floor: 1, count: 4).Select((l, i) => i == 1 ? l with { RoomName = longName } : l).ToList();

        var pdf = RoomLabelSheet.Render(Sheet(labels, floor: 1));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var cell = RoomLabelSheet.Cell(1);
        Assert.Contains(Squeezed(longName), CellText(page, 1), StringComparison.Ordinal);
        Assert.All(
            page.Letters.Where(l => Inside(l.BoundingBox.Centroid.X, l.BoundingBox.Centroid.Y, cell, page.Height)),
            letter =>
            {
                Assert.InRange(letter.BoundingBox.Left, cell.Left, cell.Right);
                Assert.InRange(letter.BoundingBox.Right, cell.Left, cell.Right);
                Assert.InRange(page.Height - letter.BoundingBox.Top, cell.Top, cell.Bottom);
                Assert.InRange(page.Height - letter.BoundingBox.Bottom, cell.Top, cell.Bottom);
            });
    }

    [Fact]
    public void PrintsAnEnglishSheetWithEnglishFurniture()
    {
        var pdf = RoomLabelSheet.Render(Sheet(Labels(floor: 2, count: 2), floor: 2) with { Language = ReportLanguage.English });

        var page = PdfText.Pages(pdf)[0];
        Assert.Contains("Room QR labels — Gedung Balai Kota Utama, floor 2", page, StringComparison.Ordinal);
        Assert.Contains("Floor 2", page, StringComparison.Ordinal);
        Assert.Contains("Scan the QR code to inspect this room in BalaiKota.", page, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToPrintASheetWithoutRooms()
    {
        Assert.Throws<ArgumentException>(() => RoomLabelSheet.Render(Sheet([], floor: 1)));
    }

    private static RoomLabelSheetModel Sheet(IReadOnlyList<RoomLabel> labels, int? floor) =>
        new(ReportLanguage.Indonesian, "Gedung Balai Kota Utama", floor, Printed, labels);

    private static List<RoomLabel> Labels(int floor, int count, (string Name, string Short)? opd = null)
    {
        var (opdName, shortName) = opd ?? ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil");
        var buildingId = Guid.CreateVersion7();
        return [.. Enumerable.Range(1, count).Select(i =>
        {
            var id = Guid.CreateVersion7();
            var name = string.Format(CultureInfo.InvariantCulture, "Ruang Kerja {0:00} {1} L{2}", i, shortName, floor);
            return new RoomLabel(id, name, opdName, shortName, buildingId, "Gedung Balai Kota Utama", floor, new Uri($"http://localhost:5000/rooms/{id}/inspect"));
        })];
    }

    /// <summary>The letters whose middle lies in the label's cell, in drawing order, without spaces: wrapping cannot hide a word.</summary>
    private static string CellText(Page page, int slot)
    {
        var cell = RoomLabelSheet.Cell(slot);
        return string.Concat(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && Inside(l.BoundingBox.Centroid.X, l.BoundingBox.Centroid.Y, cell, page.Height)).Select(l => l.Value));
    }

    private static string Squeezed(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static bool Inside(double x, double y, SKRect cell, double pageHeight) =>
        x >= cell.Left && x <= cell.Right && pageHeight - y >= cell.Top && pageHeight - y <= cell.Bottom;

    /// <summary>The first page of the sheet painted as the PDF paints it, onto a bitmap <paramref name="scale"/> times the page's points.</summary>
    private static SKBitmap Raster(RoomLabelSheetModel model, IReadOnlyList<RoomLabel> page, float scale)
    {
        var size = RoomLabelSheet.PageSize;
        var bitmap = new SKBitmap(new SKImageInfo((int)(size.Width * scale), (int)(size.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Scale(scale);
        using var painter = new RoomLabelSheetPainter(new RoomLabelSheetWords(model.Language), model.PrintedAtUtc);
        painter.DrawPage(canvas, page, 1, 1);
        return bitmap;
    }

    private static Result? Scan(SKBitmap bitmap, SKRectI area)
    {
        using var crop = new SKBitmap(area.Width, area.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        Assert.True(bitmap.ExtractSubset(crop, area));
        using var copy = crop.Copy();
        var pixels = copy.Bytes;
        var source = new RGBLuminanceSource(pixels, area.Width, area.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true };
        return new ZXing.QrCode.QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), options.Hints);
    }
}

using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Pdf;
using BalaiKota.Testing;
using UglyToad.PdfPig;

namespace BalaiKota.Reporting.Tests.Pdf;

public class PdfReportLayoutTests
{
    private static readonly DateTime Generated = new(2026, 11, 30, 3, 15, 0, DateTimeKind.Utc);

    private static PdfReport NewReport(PageOrientation orientation = PageOrientation.Portrait, ReportLanguage language = ReportLanguage.Indonesian) =>
        new(new PdfReportOptions("Laporan Uji Tata Letak", "Uji tata letak", language, Generated, orientation));

    [Fact]
    public void RepeatsTheHeaderRowOnEveryPageAndPrintsEveryRowOnce()
    {
        using var report = NewReport();
        report.Table(
            [new TableColumn("Nomor", 1), new TableColumn("Uraian", 4), new TableColumn("Jumlah", 1, TextAlignment.Right)],
            Enumerable.Range(1, 500).Select(i => (IReadOnlyList<TableCell>)[$"R{i:0000}", $"uraian-{i:0000} ruang rapat lantai dua", i.ToString("N0", report.Text.Culture)]));

        var pdf = report.ToPdf();

        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count > 5, $"500 rows should take several pages, not {pages.Count}.");
        Assert.All(pages, page => Assert.Contains("Nomor Uraian Jumlah", page, StringComparison.Ordinal));
        var words = PdfText.Words(pdf);
        for (var i = 1; i <= 500; i++)
        {
            Assert.Single(words, w => w == $"R{i:0000}");
            Assert.Single(words, w => w == $"uraian-{i:0000}");
        }

        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains("Pemerintah Kota Bandung", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WritesTheFooterInEnglishForAnEnglishReport()
    {
        using var report = NewReport(language: ReportLanguage.English);
        report.Paragraph("One page.").PageBreak().Paragraph("Two pages.");

        var pages = PdfText.Pages(report.ToPdf());

        Assert.Contains("Page 1 of 2", pages[0], StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", pages[1], StringComparison.Ordinal);
        Assert.Contains("Generated 30 November 2026, 10:15 WIB", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ContinuesAParagraphLongerThanAPageOnTheNextPage()
    {
        using var report = NewReport();
        var words = Enumerable.Range(1, 2500).Select(i => $"kata{i:0000}").ToList();
        report.Paragraph(string.Join(' ', words));

        var pdf = report.ToPdf();

        Assert.True(PdfText.Pages(pdf).Count >= 2);
        var printed = PdfText.Words(pdf);
        Assert.All(words, word => Assert.Single(printed, w => w == word));
    }

    [Fact]
    public void SplitsAWordLongerThanTheLineBetweenCharactersWithoutPassingTheRightMargin()
    {
        using var report = NewReport();
        var word = string.Concat(Enumerable.Range(0, 40).Select(i => $"{(char)('A' + (i % 26))}{i:000}"));
        report.Paragraph($"Awal {word} akhir");

        var pdf = report.ToPdf();

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var right = page.Width - PageGeometry.Margin;
        Assert.All(page.Letters, letter => Assert.True(letter.BoundingBox.Right <= right + 0.5, $"'{letter.Value}' ends at {letter.BoundingBox.Right:0.0}, beyond {right:0.0}."));
        var text = string.Concat(page.GetWords().Select(w => w.Text));
        Assert.Contains("Awal" + word + "akhir", text, StringComparison.Ordinal);
        Assert.True(page.GetWords().Count(w => w.Text.Length > 10) >= 2, "The long word should take more than one line.");
    }

    [Fact]
    public void SplitsARowTallerThanAPageAcrossPagesWithTheHeaderOnEach()
    {
        using var report = NewReport();
        var words = Enumerable.Range(1, 1800).Select(i => $"sel{i:0000}").ToList();
        report.Table([new TableColumn("Kunci", 1), new TableColumn("Isi", 3)], [["baris-satu", string.Join(' ', words)], ["baris-dua", "pendek"]]);

        var pdf = report.ToPdf();

        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count >= 2);
        Assert.All(pages, page => Assert.Contains("Kunci Isi", page, StringComparison.Ordinal));
        var printed = PdfText.Words(pdf);
        Assert.All(words, word => Assert.Single(printed, w => w == word));
        Assert.Single(printed, w => w == "baris-dua");
    }

    [Fact]
    public void ScalesAPhotoLargerThanThePageIntoTheContentBox()
    {
        using var report = NewReport();
        report.Paragraph("Foto besar:").Image(TestImages.Jpeg(1200, 2400), "Keterangan foto besar");

        var pdf = report.ToPdf();

        using var document = PdfDocument.Open(pdf);
        var geometry = PageGeometry.For(PageOrientation.Portrait);
        var images = document.GetPages().SelectMany(p => p.GetImages()).ToList();
        var bounds = Assert.Single(images).BoundingBox;
        Assert.InRange(bounds.Left, geometry.ContentLeft - 0.5, geometry.ContentRight);
        Assert.InRange(bounds.Right, geometry.ContentLeft, geometry.ContentRight + 0.5);
        // PDF space counts up from the bottom of the page.
        Assert.InRange(bounds.Top, geometry.Height - geometry.ContentBottom, geometry.Height - geometry.ContentTop + 0.5);
        Assert.InRange(bounds.Bottom, geometry.Height - geometry.ContentBottom - 0.5, geometry.Height - geometry.ContentTop);
        Assert.True(bounds.Height > geometry.ContentHeight * 0.8, "The photo should be scaled to about the page's height, not shrunk to a stamp.");
        Assert.Contains("Keterangan foto besar", PdfText.All(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void MovesAKeepTogetherBlockThatDoesNotFitToTheNextPage()
    {
        var lines = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"baris{i:00}"));
        var nearlyFull = PageGeometry.For(PageOrientation.Portrait).ContentHeight - 60;

        using var kept = NewReport();
        kept.Spacer(nearlyFull).KeepTogether(r => r.Paragraph("BLOK-UTUH").Paragraph(lines));
        using var flowing = NewReport();
        flowing.Spacer(nearlyFull).Paragraph("BLOK-UTUH").Paragraph(lines);

        var keptPages = PdfText.Pages(kept.ToPdf());
        var flowingPages = PdfText.Pages(flowing.ToPdf());

        Assert.DoesNotContain("BLOK-UTUH", keptPages[0], StringComparison.Ordinal);
        Assert.Contains("BLOK-UTUH", keptPages[1], StringComparison.Ordinal);
        Assert.Contains("baris12", keptPages[1], StringComparison.Ordinal);
        Assert.Contains("BLOK-UTUH", flowingPages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void StoresTitleAuthorSubjectAndCreationDate()
    {
        using var report = NewReport();
        report.Paragraph("Isi.");

        using var document = PdfDocument.Open(report.ToPdf());

        Assert.Equal("Laporan Uji Tata Letak", document.Information.Title);
        Assert.Equal("Pemerintah Kota Bandung — BalaiKota", document.Information.Author);
        Assert.Equal("Uji tata letak", document.Information.Subject);
        Assert.StartsWith("D:20261130", document.Information.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void LaysLandscapePagesOutLandscapeAndSwitchesAtAPageBreak()
    {
        using var report = NewReport(PageOrientation.Landscape);
        report.Paragraph("Mendatar.").PageBreak(PageOrientation.Portrait).Paragraph("Tegak.");

        using var document = PdfDocument.Open(report.ToPdf());

        var first = document.GetPage(1);
        var second = document.GetPage(2);
        Assert.True(first.Width > first.Height, $"{first.Width}×{first.Height} is not landscape.");
        Assert.Equal(842, first.Width, 0);
        Assert.True(second.Width < second.Height);
    }

    [Fact]
    public void DrawsAChartWithLabelsInTheEmbeddedFontAsText()
    {
        using var report = NewReport();
        report.Chart(
            plot =>
            {
                plot.Add.Bars([3.0, 5.0, 2.0]);
                plot.Axes.Bottom.SetTicks([0, 1, 2], ["Ventilasi", "Suhu", "Toilet"]);
                plot.Title("Judul-Grafik");
            },
            220);

        var text = PdfText.All(report.ToPdf());

        Assert.Contains("Judul-Grafik", text, StringComparison.Ordinal);
        Assert.Contains("Ventilasi", text, StringComparison.Ordinal);
        Assert.Contains("Toilet", text, StringComparison.Ordinal);
    }
}

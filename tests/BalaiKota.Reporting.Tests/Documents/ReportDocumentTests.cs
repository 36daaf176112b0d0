using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Documents;
using UglyToad.PdfPig;

namespace BalaiKota.Reporting.Tests.Documents;

public class VisitReportDocumentRenderTests
{
    [Fact]
    public void NamesEveryRoomBothSignersAndEveryFindingAndTask()
    {
        var model = SampleReports.Visit();

        var pdf = VisitReportDocument.Render(model);

        var text = PdfText.All(pdf);
        var words = PdfText.Words(pdf);
        Assert.All(model.Rooms, room => Assert.Contains(room.Name, text, StringComparison.Ordinal));
        Assert.All(model.Findings, finding => Assert.Contains(finding.Description, text, StringComparison.Ordinal));
        Assert.All(model.Tasks, task => Assert.True(PdfText.ContainsWrapped(words, task.Description), task.Description));
        Assert.Contains("Siti Rahmawati", text, StringComparison.Ordinal);
        Assert.Contains("Agus Pratama", text, StringComparison.Ordinal);
        Assert.Contains("(belum ditandatangani)", text, StringComparison.Ordinal);
        Assert.Contains("Belum ditentukan", text, StringComparison.Ordinal);
        Assert.Contains("Sekretaris Dinas", text, StringComparison.Ordinal);
        Assert.Contains("Catatan: Pendingin ruangan mati sejak pekan lalu", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintsEveryFindingPhotoAndTheDrawnSignature()
    {
        var model = SampleReports.Visit();

        using var document = PdfDocument.Open(VisitReportDocument.Render(model));

        var images = document.GetPages().Sum(p => p.GetImages().Count());
        Assert.Equal(model.Findings.Sum(f => f.Photos.Count) + 1, images);
    }

    [Fact]
    public void WordsTheReportInIndonesianOrEnglish()
    {
        var indonesian = PdfText.All(VisitReportDocument.Render(SampleReports.Visit(ReportLanguage.Indonesian)));
        var english = PdfText.All(VisitReportDocument.Render(SampleReports.Visit(ReportLanguage.English)));

        Assert.Contains("Laporan Hasil Peninjauan", indonesian, StringComparison.Ordinal);
        Assert.Contains("Hasil per ruangan", indonesian, StringComparison.Ordinal);
        Assert.Contains("Tidak OK", indonesian, StringComparison.Ordinal);
        Assert.Contains("Facility Inspection Report", english, StringComparison.Ordinal);
        Assert.Contains("Results by room", english, StringComparison.Ordinal);
        Assert.Contains("Not OK", english, StringComparison.Ordinal);
        Assert.Contains("Not yet chosen", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Hasil per ruangan", english, StringComparison.Ordinal);
    }
}

public class MonthlyReportDocumentRenderTests
{
    [Fact]
    public void ListsEveryFindingAndTaskOfABusyMonthInTheAppendix()
    {
        var model = SampleReports.BusyMonth();

        var pdf = MonthlyReportDocument.Render(model);

        var words = PdfText.Words(pdf);
        Assert.All(model.Findings.Select((_, i) => $"Temuan-{i + 1:0000}"), id => Assert.Single(words, w => w == id));
        Assert.All(model.Tasks.Select((_, i) => $"Tugas-{i + 1:0000}"), id => Assert.Single(words, w => w == id));
        var text = PdfText.All(pdf);
        Assert.All(model.OverdueTasks, t => Assert.True(PdfText.ContainsWrapped(words, t.Description), t.Description));
        Assert.All(model.Ranking, r => Assert.Contains(r.OpdName, text, StringComparison.Ordinal));
        Assert.Contains("November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Seluruh OPD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintsTheAppendixOnLandscapePagesUnderARepeatingHeader()
    {
        using var document = PdfDocument.Open(MonthlyReportDocument.Render(SampleReports.BusyMonth()));

        var appendix = document.GetPages().Where(p => PdfText.PageText(p).Contains("Temuan-", StringComparison.Ordinal)).ToList();
        Assert.True(appendix.Count > 2);
        Assert.All(appendix, page => Assert.True(page.Width > page.Height));
        Assert.All(appendix, page => Assert.True(PdfText.ContainsWrapped([.. page.GetWords().Select(w => w.Text)], "Tanggal OPD Ruangan Bidang Tingkat Uraian Status")));
    }

    [Fact]
    public void WordsTheReportInIndonesianOrEnglish()
    {
        var indonesian = PdfText.All(MonthlyReportDocument.Render(SampleReports.BusyMonth(ReportLanguage.Indonesian, 20, 10)));
        var english = PdfText.All(MonthlyReportDocument.Render(SampleReports.BusyMonth(ReportLanguage.English, 20, 10)));

        Assert.Contains("Laporan Bulanan Peninjauan Fasilitas", indonesian, StringComparison.Ordinal);
        Assert.Contains("Peringkat OPD", indonesian, StringComparison.Ordinal);
        Assert.Contains("72,5 %", indonesian, StringComparison.Ordinal);
        Assert.Contains("Monthly Facility Inspection Report", english, StringComparison.Ordinal);
        Assert.Contains("OPD ranking", english, StringComparison.Ordinal);
        Assert.Contains("All OPDs", english, StringComparison.Ordinal);
        Assert.Contains("72.5%", english, StringComparison.Ordinal);
        Assert.Contains("Findings by area", english, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenNoRepairOfTheMonthHasABeforeAndAfterPhoto()
    {
        var model = SampleReports.BusyMonth(ReportLanguage.Indonesian, 20, 10) with { VerifiedRepairs = [] };

        var words = PdfText.Words(MonthlyReportDocument.Render(model));

        Assert.True(PdfText.ContainsWrapped(words, "Perbaikan terverifikasi: sebelum dan sesudah Tidak ada."));
    }

    [Fact]
    public void SaysPlainlyThatAMonthWithoutVisitsHadNoneAndStillShowsTheOverdueTasks()
    {
        var pdf = MonthlyReportDocument.Render(SampleReports.EmptyMonth());

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        var text = PdfText.All(pdf);
        Assert.Contains("Tidak ada kunjungan peninjauan pada bulan Desember 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Dinas Perhubungan", text, StringComparison.Ordinal);
        Assert.True(PdfText.ContainsWrapped(PdfText.Words(pdf), "Terlambat-kosong ganti lampu ruang tunggu"));
        Assert.DoesNotContain("Peringkat OPD", text, StringComparison.Ordinal);
    }
}

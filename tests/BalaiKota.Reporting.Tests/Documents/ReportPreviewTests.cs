using System.Diagnostics;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Documents;
using BalaiKota.Testing;

namespace BalaiKota.Reporting.Tests.Documents;

/// <summary>Renders demo-like reports to PNG pages under artifacts/reports/ for people to look at; the checks are that poppler can rasterise every page.</summary>
public class ReportPreviewTests
{
    [Fact]
    public void RendersTheMonthlyAndVisitReportsToPngPages()
    {
        var pdftoppm = TestEnvironment.RequirePdftoppm();
        var folder = Path.Combine(AppProcess.RepositoryRoot, "artifacts", "reports");
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder, "*.png"))
        {
            File.Delete(old);
        }

        var reports = new (string Name, byte[] Pdf)[]
        {
            ("monthly-id", MonthlyReportDocument.Render(SampleReports.BusyMonth(ReportLanguage.Indonesian, 60, 40))),
            ("monthly-empty-en", MonthlyReportDocument.Render(SampleReports.EmptyMonth(ReportLanguage.English))),
            ("visit-id", VisitReportDocument.Render(SampleReports.Visit(ReportLanguage.Indonesian))),
            ("visit-en", VisitReportDocument.Render(SampleReports.Visit(ReportLanguage.English, signed: false))),
        };

        foreach (var (name, pdf) in reports)
        {
            var path = Path.Combine(folder, name + ".pdf");
            File.WriteAllBytes(path, pdf);
            Rasterise(pdftoppm, path, Path.Combine(folder, name));
            var pages = PdfText.Pages(pdf).Count;
            var pngs = Directory.GetFiles(folder, name + "-*.png");
            Assert.Equal(pages, pngs.Length);
            Assert.All(pngs, png => Assert.True(new FileInfo(png).Length > 1000, $"{png} is empty."));
        }
    }

    private static void Rasterise(string pdftoppm, string pdf, string prefix)
    {
        using var process = Process.Start(new ProcessStartInfo(pdftoppm, ["-r", "60", "-png", pdf, prefix]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("pdftoppm did not start.");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed on {pdf}: {errors}");
    }
}

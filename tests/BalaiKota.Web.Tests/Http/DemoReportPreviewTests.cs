using System.Diagnostics;
using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The demo data's last complete month and one of its visits, fetched as leadership would and rendered to PNG pages
/// under artifacts/reports/ for people to look at; poppler must read every page and find the report's own words.
/// </summary>
public sealed class DemoReportPreviewTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    [Fact]
    public async Task RendersTheDemoMonthAndAVisitToPngPages()
    {
        var pdftoppm = TestEnvironment.RequirePdftoppm();
        var folder = Path.Combine(AppProcess.RepositoryRoot, "artifacts", "reports");
        Directory.CreateDirectory(folder);
        var lastMonth = DateTime.UtcNow.AddHours(7).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Guid visitId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<Core.Data.BalaiKotaDbContext>>().CreateDbContextAsync())
        {
            visitId = await db.Visits.Where(v => v.Status == VisitStatus.Submitted).OrderByDescending(v => v.SubmittedAt).Select(v => v.Id).FirstAsync();
        }

        using var client = await Browserless.SignedInAsync(factory, "pimpinan@balaikota.test");
        var reports = new (string Name, string Url, string Title)[]
        {
            ("demo-monthly-id", $"/reports/monthly/{lastMonth}.pdf", "Laporan Bulanan Peninjauan Fasilitas"),
            ("demo-monthly-en", $"/reports/monthly/{lastMonth}.pdf?lang=en", "Monthly Facility Inspection Report"),
            ("demo-visit-id", $"/reports/visits/{visitId}.pdf", "Laporan Hasil Peninjauan"),
        };
        foreach (var (name, url, title) in reports)
        {
            var path = Path.Combine(folder, name + ".pdf");
            await File.WriteAllBytesAsync(path, await client.GetByteArrayAsync(url));
            foreach (var old in Directory.GetFiles(folder, name + "-*.png"))
            {
                File.Delete(old);
            }

            Run(pdftoppm, "-r", "60", "-png", path, Path.Combine(folder, name));
            var text = Run(Path.Combine(Path.GetDirectoryName(pdftoppm)!, "pdftotext"), "-layout", path, "-");
            var pages = text.Count(c => c == '\f');
            Assert.Contains(title, text, StringComparison.Ordinal);
            Assert.Equal(pages, Directory.GetFiles(folder, name + "-*.png").Length);
            Assert.Contains(name.EndsWith("-en", StringComparison.Ordinal) ? $"Page {pages} of {pages}" : $"Halaman {pages} dari {pages}", text, StringComparison.Ordinal);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
        return output;
    }
}

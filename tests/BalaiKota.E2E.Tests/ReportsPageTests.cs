using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

/// <summary>
/// Leadership picks a month and a language on a tablet, previews the monthly report and downloads it; an inspector
/// takes the report of a submitted visit from the visit's page.
/// </summary>
public sealed class ReportsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task LeadershipPreviewsAndDownloadsTheMonthlyReportInTheChosenLanguage()
    {
        var page = await browser.NewPageAsync(1280, 800);
        await PageChecks.SignInAsync(page, "pimpinan@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/reports");
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("report-month")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "reports-1-page-1280x800");

        // The previous month, in English: the choice goes into the address.
        await page.GetByTestId("report-month").ClickAsync();
        var months = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(months.First).ToBeVisibleAsync();
        await months.Nth(await months.CountAsync() - 2).ClickAsync();
        await page.GetByTestId("report-language").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "English" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("lang=en", StringComparison.Ordinal) && url.Contains("month=", StringComparison.Ordinal));

        await page.GetByTestId("report-preview").ClickAsync();
        var frame = page.GetByTestId("report-frame");
        await Assertions.Expect(frame).ToBeVisibleAsync();
        var source = await frame.GetAttributeAsync("src") ?? string.Empty;
        Assert.Matches(@"^/reports/monthly/\d{4}-\d{2}\.pdf\?lang=en$", source);
        await Assertions.Expect(page.GetByTestId("report-rendering")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await PageChecks.ScreenshotAsync(page, "reports-2-preview-1280x800");

        var pdf = await page.Context.APIRequest.GetAsync(source);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF-"u8.ToArray(), (await pdf.BodyAsync()).Take(5));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-download").ClickAsync());
        Assert.Matches(@"^monthly-report-\d{4}-\d{2}\.pdf$", download.SuggestedFilename);
        var findings = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-findings-xlsx").ClickAsync());
        Assert.Matches(@"^findings-\d{4}-\d{2}\.xlsx$", findings.SuggestedFilename);
        var tasks = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-tasks-csv").ClickAsync());
        Assert.EndsWith(".csv", tasks.SuggestedFilename, StringComparison.Ordinal);

        var portrait = await browser.NewPageAsync(800, 1280);
        await PageChecks.SignInAsync(portrait, "pimpinan@balaikota.test", BrowserFixture.DemoPassword);
        await portrait.WaitForURLAsync("**/dashboard");
        await portrait.GotoAsync("/reports?month=1999-01");
        await PageChecks.WaitUntilSettledAsync(portrait);
        await Assertions.Expect(portrait.GetByTestId("report-notice")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(portrait);
        await PageChecks.ScreenshotAsync(portrait, "reports-3-bad-month-800x1280");
    }

    [Fact]
    public async Task AnInspectorTakesTheReportOfASubmittedVisitFromItsPage()
    {
        var page = await browser.NewPageAsync(800, 1280);
        await PageChecks.SignInAsync(page, "peninjau@balaikota.test", BrowserFixture.DemoPassword);
        await PageChecks.WaitForHomeAsync(page);
        await page.GotoAsync("/visits?status=Submitted");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("visit-list").Locator("tbody tr a").First.ClickAsync();
        var report = page.GetByTestId("visit-report");
        await Assertions.Expect(report).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "reports-4-visit-800x1280");

        var pdf = await page.Context.APIRequest.GetAsync(await report.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("%PDF-"u8.ToArray(), (await pdf.BodyAsync()).Take(5));

        await page.GotoAsync("/reports");
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("reports-own-visits")).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "reports-5-inspector-800x1280");
    }

    [Fact]
    public async Task TheSecretariatExportsTheFilteredTaskListOnAPortraitTablet()
    {
        var page = await browser.NewPageAsync(800, 1280);
        await PageChecks.SignInAsync(page, "sekretariat@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync("**/follow-ups");
        await page.GotoAsync("/follow-ups?status=Assigned");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("export-menu").Locator("button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("export-csv")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "reports-6-export-menu-800x1280");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.Matches(@"^tindak-lanjut-daftar-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("Ditugaskan", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Terverifikasi", csv, StringComparison.Ordinal);
    }
}

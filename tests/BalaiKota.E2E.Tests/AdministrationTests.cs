using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace BalaiKota.E2E.Tests;

/// <summary>
/// An administrator shapes the system on a tablet: a new OPD moves in, its room gets a QR label, and a regulation change
/// becomes a new checklist version. The inspector who scans the label is judged on the new band; a visit made before
/// keeps the old one in its report. On an app of its own, since a new version changes every later visit.
/// </summary>
public sealed class AdministrationTests(BrowserFixture browser, OwnAppFixture app) : IClassFixture<OwnAppFixture>
{
    private const string OpdName = "Dinas Uji Coba Administrasi";
    private const string OpdShortName = "DUJI";
    private const string RoomName = "Ruang Kerja Uji QR";
    private const string Building = "Gedung Balai Kota Utama (contoh)";

    [Fact]
    public async Task AddsARoomPrintsItsLabelAndPublishesABandThatOnlyNewVisitsUse()
    {
        var page = await browser.NewPageAsync(1280, 800, app.BaseAddress);
        await PageChecks.SignInAsync(page, "admin@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync("**/admin");
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("admin-templates").GetByTestId("area-summary")).ToHaveTextAsync("Versi 1 terbit dan dipakai kunjungan baru.");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "admin-1-hub-1280x800");
        var oldReport = await SubmittedVisitReportAsync(page);

        // A new OPD moves in.
        await page.GotoAsync("/admin");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("admin-opds").GetByTestId("area-open").ClickAsync();
        await page.WaitForURLAsync("**/admin/opds");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("opd-add").ClickAsync();
        await page.Locator("input[data-testid=opd-name]").FillAsync(OpdName);
        await page.Locator("input[data-testid=opd-short-name]").FillAsync(OpdShortName);
        await page.Locator("input[data-testid=opd-men]").FillAsync("12");
        await page.Locator("input[data-testid=opd-women]").FillAsync("9");
        await PageChecks.ScreenshotAsync(page, "admin-2-opd-form-1280x800");
        await page.GetByTestId("opd-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("opd-row").Filter(new() { HasText = OpdShortName })).ToHaveCountAsync(1);
        await PageChecks.AssertAccessibleAsync(page);

        // Its office on the second floor of the main building.
        await page.GotoAsync("/admin/rooms");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("room-add").ClickAsync();
        await page.Locator("input[data-testid=room-name]").FillAsync(RoomName);
        await ChooseAsync(page, "room-opd", $"{OpdShortName} · {OpdName}");
        await ChooseAsync(page, "room-building", Building);
        await page.Locator("input[data-testid=room-floor]").FillAsync("2");
        await page.Locator("input[data-testid=room-area]").FillAsync("40");
        await page.Locator("input[data-testid=room-occupancy]").FillAsync("8");
        await PageChecks.ScreenshotAsync(page, "admin-3-room-form-1280x800");
        await page.GetByTestId("room-save").ClickAsync();
        var row = page.Locator("tr").Filter(new() { Has = page.GetByTestId("room-row-name").Filter(new() { HasText = RoomName }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "admin-4-rooms-1280x800");

        // Its QR code carries the inspection address; the floor's label sheet names it.
        await row.GetByTestId("room-qr-button").ClickAsync();
        var inspectUrl = await page.GetByTestId("room-qr-url").TextContentAsync() ?? string.Empty;
        Assert.Matches(@"/rooms/[0-9a-f-]{36}/inspect$", inspectUrl);
        await PageChecks.ScreenshotAsync(page, "admin-5-room-qr-1280x800");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("room-qr-url")).ToHaveCountAsync(0);
        await ChooseAsync(page, "labels-building", Building);
        await ChooseAsync(page, "labels-floor", "Lantai 2");
        // The link follows the choices after a round trip to the server, so wait for it rather than read it once.
        var printLink = page.GetByTestId("labels-print");
        await Assertions.Expect(printLink).ToHaveAttributeAsync("href", new Regex(@"^/admin/rooms/labels\.pdf\?buildingId=[0-9a-f-]{36}&floor=2$"));
        var sheetPath = await printLink.GetAttributeAsync("href") ?? string.Empty;
        var sheet = await PdfTextAsync(page, sheetPath, "admin-label-sheet");
        Assert.Contains(Compact(RoomName), sheet, StringComparison.Ordinal);
        Assert.Contains(OpdShortName, sheet, StringComparison.Ordinal);

        // The work-room temperature band changes from 23–26 °C to 24–27 °C in a new version.
        await page.GotoAsync("/admin/templates");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("create-draft").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/templates/[0-9a-f-]{36}$"));
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("item-edit-HEAT-WORK").ClickAsync();
        await page.Locator("input[data-testid=item-band-min]").FillAsync("24");
        await page.Locator("input[data-testid=item-band-max]").FillAsync("27");
        await PageChecks.ScreenshotAsync(page, "admin-6-item-editor-1280x800");
        await page.GetByTestId("item-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-band-HEAT-WORK")).ToContainTextAsync("24–27");
        await Assertions.Expect(page.GetByTestId("diff-panel").GetByTestId("diff-changed-HEAT-WORK")).ToContainTextAsync("24–27");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "admin-7-draft-diff-1280x800");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-done")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/templates");
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("published-version")).ToContainTextAsync("Versi terbit: 2 ");
        await page.SetViewportSizeAsync(800, 1280);
        await PageChecks.WaitUntilSettledAsync(page);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 800, "The templates page is wider than a portrait tablet.");
        await PageChecks.ScreenshotAsync(page, "admin-8-templates-800x1280");

        // The visit made before keeps its version and band in its report.
        var report = await PdfTextAsync(page, oldReport);
        Assert.Contains("23–26°C", report, StringComparison.Ordinal);
        Assert.DoesNotContain("24–27°C", report, StringComparison.Ordinal);
        await page.Context.CloseAsync();

        // The inspector scans the door label, starts a visit and is judged on the new band.
        var tablet = await browser.NewPageAsync(1280, 800, app.BaseAddress);
        await PageChecks.SignInAsync(tablet, "peninjau@balaikota.test", BrowserFixture.DemoPassword);
        await PageChecks.WaitForHomeAsync(tablet);
        await tablet.GotoAsync(new Uri(inspectUrl).PathAndQuery);
        await PageChecks.WaitUntilSettledAsync(tablet);
        await tablet.GetByTestId("room-start-visit").ClickAsync();
        await tablet.WaitForURLAsync(new Regex(@"/visits/[0-9a-f-]{36}/rooms/[0-9a-f-]{36}$"));
        await PageChecks.WaitUntilSettledAsync(tablet);
        var heat = tablet.GetByTestId("item-HEAT-WORK");
        await heat.Locator("input[data-testid=reading]").FillAsync("23,5");
        await Assertions.Expect(heat.GetByTestId("standard")).ToContainTextAsync("24–27 °C");
        await Assertions.Expect(heat.GetByTestId("outcome")).ToHaveTextAsync("Tidak OK");
        await Assertions.Expect(heat.GetByTestId("save-state")).ToContainTextAsync("Tersimpan");
        await PageChecks.ScreenshotAsync(tablet, "admin-9-new-band-in-visit-1280x800");
        await tablet.Context.CloseAsync();
    }

    [Fact]
    public async Task GivesANewRepairUnitMemberAnAccountWhoseTemporaryPasswordTheyReplaceAtTheFirstSignIn()
    {
        const string email = "teknisi.baru@balaikota.test";
        var page = await browser.NewPageAsync(1280, 800, app.BaseAddress);
        await PageChecks.SignInAsync(page, "admin@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync("**/admin");
        await page.GotoAsync("/admin/users");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("user-add").ClickAsync();
        await page.Locator("input[data-testid=user-name]").FillAsync("Asep Teknisi");
        await page.Locator("input[data-testid=user-email-input]").FillAsync(email);
        await page.GetByTestId("user-role-RepairUnit").ClickAsync();
        await ChooseAsync(page, "user-unit", "Bagian Umum (contoh)");
        await PageChecks.ScreenshotAsync(page, "admin-users-1-new-1280x800");
        await page.GetByTestId("user-save").ClickAsync();
        var password = (await page.GetByTestId("temporary-password").TextContentAsync() ?? string.Empty).Trim();
        Assert.Matches(@"^\S{10,}$", password);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "admin-users-2-temporary-password-1280x800");
        await page.Context.CloseAsync();

        // The temporary password opens only the page that replaces it; the new one opens the unit's home.
        var member = await browser.NewPageAsync(800, 1280, app.BaseAddress);
        await PageChecks.SignInAsync(member, email, password);
        await member.WaitForURLAsync("**/Account/ChangePassword");
        await Assertions.Expect(member.GetByTestId("password-temporary")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("sign-out")).ToBeVisibleAsync();
        await member.GotoAsync("/follow-ups");
        await member.WaitForURLAsync("**/Account/ChangePassword");
        await PageChecks.AssertAccessibleAsync(member);
        await PageChecks.ScreenshotAsync(member, "admin-users-3-first-sign-in-800x1280");
        await member.Locator("#current").FillAsync(password);
        await member.Locator("#new").FillAsync("Teknisi-Baru-2026");
        await member.Locator("#confirm").FillAsync("Teknisi-Baru-2026");
        await member.GetByTestId("change-password-submit").ClickAsync();
        await Assertions.Expect(member.GetByTestId("password-changed")).ToBeVisibleAsync();
        await member.GetByTestId("password-continue").ClickAsync();
        await PageChecks.WaitForHomeAsync(member);
        await Assertions.Expect(member.GetByTestId("home-unit-tasks")).ToBeVisibleAsync();
        await member.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(800, 1280)]
    public async Task FitsEachAdministrationPageOnATabletWithNoAccessibilityProblem(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height, app.BaseAddress);
        await PageChecks.SignInAsync(page, "admin@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync("**/admin");
        foreach (var (path, name, shown) in new[]
        {
            ("/admin", "hub", "admin-areas"),
            ("/admin/opds", "opds", "opd-table"),
            ("/admin/rooms", "rooms", "room-table"),
            ("/admin/templates", "templates", "published-version"),
            ("/admin/users", "users", "users-table"),
            ("/admin/audit", "audit", "audit-table"),
        })
        {
            await page.GotoAsync(path);
            await PageChecks.WaitUntilSettledAsync(page);
            await Assertions.Expect(page.GetByTestId(shown)).ToBeVisibleAsync();
            await PageChecks.AssertAccessibleAsync(page);
            await PageChecks.ScreenshotAsync(page, $"admin-page-{name}-{width}x{height}");
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{path} is {scrollWidth} px wide on a {width} px screen.");
        }

        await page.Context.CloseAsync();
    }

    /// <summary>Opens a MudSelect and picks the option with exactly this text.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>The report address of a submitted demo visit with a work-room temperature reading, taken from the visit list.</summary>
    private static async Task<string> SubmittedVisitReportAsync(IPage page)
    {
        await page.GotoAsync("/visits?status=Submitted");
        await PageChecks.WaitUntilSettledAsync(page);
        var links = await page.GetByTestId("visit-list").Locator("a[href^='/visits/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var visit in links.Distinct().Take(10))
        {
            var report = $"/reports{visit}.pdf";
            if ((await PdfTextAsync(page, report)).Contains("Suhuruangkerja", StringComparison.Ordinal))
            {
                return report;
            }
        }

        throw new InvalidOperationException("None of the first submitted demo visits has a work-room temperature reading.");
    }

    /// <summary>Text without its white space: a label wraps a long name over lines, and reading order is the drawing order.</summary>
    private static string Compact(string text) => Regex.Replace(text, @"\s+", string.Empty);

    /// <summary>The PDF's letters in drawing order, without white space; a PDF the test looks at is kept beside the screenshots, to be looked at by a person too.</summary>
    private static async Task<string> PdfTextAsync(IPage page, string path, string? keepAs = null)
    {
        var response = await page.Context.APIRequest.GetAsync(path);
        Assert.Equal(200, response.Status);
        var bytes = await response.BodyAsync();
        if (keepAs is not null)
        {
            await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, keepAs + ".pdf"), bytes);
        }

        using var pdf = PdfDocument.Open(bytes);
        return Compact(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }
}

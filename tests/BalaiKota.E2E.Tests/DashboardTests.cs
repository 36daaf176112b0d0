using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

/// <summary>
/// Leadership opens the dashboard on a tablet, changes the period to the quarter, drills down from a bar of the
/// findings chart to the tasks behind it, and meets a malformed address with a message instead of an error page.
/// </summary>
public sealed partial class DashboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task LeadershipChangesThePeriodAndDrillsDownFromAChartToItsList()
    {
        var page = await browser.NewPageAsync(1280, 800);
        await PageChecks.SignInAsync(page, "pimpinan@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync("**/dashboard");
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("key-figures")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "dashboard-1-month-1280x800");

        await page.GetByTestId("period-kind").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Kuartal" }).ClickAsync();
        await page.WaitForURLAsync(QuarterAddress());
        var quarter = QuarterAddress().Match(page.Url).Groups["period"].Value;
        await Assertions.Expect(page.GetByTestId("dashboard-heading")).ToContainTextAsync("Kuartal");
        await Assertions.Expect(page.GetByTestId("chart-areas")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ranking").Locator("[data-testid=ranking-row]").First).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "dashboard-2-quarter-1280x800");

        // The first bar is the first area with findings; its count is the length of the list it opens.
        var firstArea = page.GetByTestId("chart-areas").Locator("a[data-testid^=area-]").First;
        var areaText = await firstArea.InnerTextAsync();
        var count = int.Parse(areaText[(areaText.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        // A bar is drawn as the thick stroke of a line of no width, which Playwright neither counts as visible nor hits
        // with a pointer at its box: the tap is dispatched to the bar itself.
        await page.GetByTestId("chart-areas").Locator("path.mud-chart-bar").First.DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.Contains("/follow-ups", StringComparison.Ordinal) && url.Contains("found=" + quarter, StringComparison.Ordinal) && url.Contains("area=", StringComparison.Ordinal));
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("chip-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("page-info")).ToContainTextAsync($"· {count} tugas");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "dashboard-3-drill-down-1280x800");

        await page.GotoAsync("/dashboard?period=2026-Q9&opd=not-an-opd");
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("dashboard-notice")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("key-figures")).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "dashboard-4-bad-address-1280x800");

        var portrait = await browser.NewPageAsync(800, 1280);
        await PageChecks.SignInAsync(portrait, "pimpinan@balaikota.test", BrowserFixture.DemoPassword);
        await portrait.WaitForURLAsync("**/dashboard");
        await portrait.GotoAsync("/dashboard?period=" + quarter);
        await PageChecks.WaitUntilSettledAsync(portrait);
        await Assertions.Expect(portrait.GetByTestId("ranking")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(portrait);
        await PageChecks.ScreenshotAsync(portrait, "dashboard-5-quarter-800x1280");
    }

    [GeneratedRegex(@"period=(?<period>\d{4}-Q[1-4])")]
    private static partial Regex QuarterAddress();
}

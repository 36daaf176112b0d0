using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

/// <summary>Two tablets on the same answer: the later save shows the other one's answer first, never overwrites silently.</summary>
public sealed class ConflictTests(BrowserFixture browser)
{
    private const string ReadingInput = "input[data-testid=reading]";

    [Fact]
    public async Task TheSecondTabletSeesTheFirstTabletsAnswerAndChoosesToKeepItsOwn()
    {
        var first = await SignedInTabletAsync();
        await first.ClickAsync("[data-testid=adhoc-opd]");
        await first.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Badan Kepegawaian dan Pengembangan SDM" }).ClickAsync();

        // The choice has reached the server (the button is enabled by it) and the list has closed, so the tap is not lost
        // on a closing popover or a button about to be re-rendered.
        await Assertions.Expect(first.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(first.GetByTestId("adhoc-start")).ToBeEnabledAsync();
        await first.ClickAsync("[data-testid=adhoc-start]");
        await first.WaitForURLAsync(new Regex(@"/visits/[0-9a-f-]{36}$"));
        await PageChecks.WaitUntilSettledAsync(first);
        await first.GetByTestId("room-card").Locator("a").Filter(new() { HasTextRegex = new Regex("^Ruang Kerja Staf") }).ClickAsync();
        await first.WaitForURLAsync(new Regex(@"/rooms/[0-9a-f-]{36}$"));
        await PageChecks.WaitUntilSettledAsync(first);

        var second = await SignedInTabletAsync();
        await second.GotoAsync(first.Url);
        await PageChecks.WaitUntilSettledAsync(second);

        var heatOnFirst = first.GetByTestId("item-HEAT-WORK");
        await heatOnFirst.Locator(ReadingInput).FillAsync("31");
        await Assertions.Expect(heatOnFirst.GetByTestId("save-state")).ToContainTextAsync("Tersimpan");

        var heatOnSecond = second.GetByTestId("item-HEAT-WORK");
        await heatOnSecond.Locator(ReadingInput).FillAsync("24");
        await heatOnSecond.Locator(ReadingInput).BlurAsync();
        var conflict = heatOnSecond.GetByTestId("conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("31 °C, Tidak OK");
        await Assertions.Expect(conflict).ToContainTextAsync("Peninjau Demo");
        await PageChecks.AssertAccessibleAsync(second);
        await PageChecks.ScreenshotAsync(second, "conflict-1-notice-1280x800");

        await first.ReloadAsync();
        await PageChecks.WaitUntilSettledAsync(first);
        await Assertions.Expect(first.GetByTestId("item-HEAT-WORK").Locator(ReadingInput)).ToHaveValueAsync("31");

        await conflict.GetByTestId("conflict-keep-mine").ClickAsync();
        await Assertions.Expect(heatOnSecond.GetByTestId("conflict")).ToHaveCountAsync(0);
        await Assertions.Expect(heatOnSecond.GetByTestId("save-state")).ToContainTextAsync("Tersimpan");
        await Assertions.Expect(heatOnSecond.GetByTestId("outcome")).ToHaveTextAsync("OK");
        await PageChecks.ScreenshotAsync(second, "conflict-2-kept-mine-1280x800");

        await first.ReloadAsync();
        await PageChecks.WaitUntilSettledAsync(first);
        await Assertions.Expect(first.GetByTestId("item-HEAT-WORK").Locator(ReadingInput)).ToHaveValueAsync("24");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    private async Task<IPage> SignedInTabletAsync()
    {
        var page = await browser.NewPageAsync(1280, 800);
        await PageChecks.OpenVisitsAsInspectorAsync(page);
        return page;
    }
}

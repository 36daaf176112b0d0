using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

/// <summary>The inspector and the repair unit land on a home of their own, on a tablet in landscape and then in portrait.</summary>
public sealed class HomeTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("peninjau", "inspector", "home-week|home-in-progress|home-verify")]
    [InlineData("pelaksana", "repair-unit", "home-unit-tasks")]
    public async Task LandsOnItsHomeWithEachSectionAndItsLinks(string account, string name, string sections)
    {
        var page = await browser.NewPageAsync(1280, 800);

        await PageChecks.SignInAsync(page, $"{account}@balaikota.test", BrowserFixture.DemoPassword);
        await PageChecks.WaitForHomeAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Beranda");
        await Assertions.Expect(page.GetByTestId("nav-Home")).ToHaveAttributeAsync("href", "/");
        foreach (var section in sections.Split('|'))
        {
            var shown = page.GetByTestId(section);
            await Assertions.Expect(shown).ToBeVisibleAsync();
            await Assertions.Expect(shown.GetByTestId("section-all")).ToBeVisibleAsync();
            await Assertions.Expect(shown.Locator("[data-testid=home-visit], [data-testid=home-task], [data-testid=section-empty]").First).ToBeVisibleAsync();
        }

        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"home-{name}-1280x800");

        await page.SetViewportSizeAsync(800, 1280);
        await PageChecks.WaitUntilSettledAsync(page);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 800, "The home is wider than a portrait tablet.");
        await PageChecks.ScreenshotAsync(page, $"home-{name}-800x1280");

        var first = page.Locator("[data-testid=home-visit-link], [data-testid=home-task-link]").First;
        if (await first.CountAsync() > 0)
        {
            var href = await first.GetAttributeAsync("href");
            await first.ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);
        }

        await page.Context.CloseAsync();
    }
}

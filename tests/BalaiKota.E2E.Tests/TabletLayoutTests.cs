using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

public sealed class TabletLayoutTests(BrowserFixture browser)
{
    [Fact]
    public async Task FitsATabletInPortraitWithTouchTargetsOfAtLeast44Pixels()
    {
        var page = await browser.NewPageAsync(800, 1280);
        await PageChecks.SignInAsync(page, "sekretariat@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync("**/follow-ups");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tindak Lanjut");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var smallTargets = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('a, button, input, [role=button]')]
              .filter(e => e.offsetParent !== null)
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(x => x.r.width > 0 && (x.r.height < 44 || x.r.width < 44))
              .map(x => `${x.e.tagName} "${x.e.textContent.trim()}" ${Math.round(x.r.width)}x${Math.round(x.r.height)}`)
            """);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "sekretariat-home-id-800x1280");

        Assert.True(scrollWidth <= 800, $"The page is {scrollWidth} px wide on an 800 px screen.");
        Assert.Empty(smallTargets);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ShowsAClearIndonesianMessageForAWrongPasswordAndSignsOut()
    {
        var page = await browser.NewPageAsync(1280, 800);

        await PageChecks.SignInAsync(page, "peninjau@balaikota.test", "bukan-kata-sandinya");
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Email atau kata sandi salah.");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "login-error-id-1280x800");

        await page.FillAsync("#email", "peninjau@balaikota.test");
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await PageChecks.WaitForHomeAsync(page);
        await PageChecks.ScreenshotAsync(page, "peninjau-home-id-1280x800");
        await page.ClickAsync("[data-testid=change-password]");
        await page.WaitForURLAsync("**/Account/ChangePassword");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ganti kata sandi");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "change-password-id-1280x800");
        await page.GotoAsync("/visits");
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/Account/Login");

        await page.GotoAsync("/visits");
        await page.WaitForURLAsync("**/Account/Login?ReturnUrl=%2Fvisits");
        await page.Context.CloseAsync();
    }
}

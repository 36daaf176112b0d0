using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

/// <summary>Each role signs in on a 10-inch tablet in landscape, in Indonesian, then English, and is refused another role's page.</summary>
public sealed class SignInByRoleTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("admin", "/admin", "Administrasi", "Administration", "/not-a-page")]
    [InlineData("peninjau", "/", "Beranda", "Home", "/admin")]
    [InlineData("sekretariat", "/follow-ups", "Tindak Lanjut", "Follow-ups", "/admin")]
    [InlineData("pimpinan", "/dashboard", "Dasbor", "Dashboard", "/admin")]
    [InlineData("pelaksana", "/", "Beranda", "Home", "/visits")]
    public async Task LandsOnItsHomeInIndonesianSwitchesToEnglishAndIsRefusedAnotherRolesPage(string account, string home, string titleId, string titleEn, string refused)
    {
        var page = await browser.NewPageAsync(1280, 800);

        await PageChecks.SignInAsync(page, $"{account}@balaikota.test", BrowserFixture.DemoPassword);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == home);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(titleId);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Assertions.Expect(page.GetByTestId("demo-banner")).ToContainTextAsync("data contoh");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{account}-1-home-id-1280x800");

        await PageChecks.WaitUntilSettledAsync(page);
        await page.ClickAsync("[data-testid=language-switch]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(titleEn);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, home).ToString());
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{account}-2-home-en-1280x800");

        await page.GotoAsync(refused);
        if (refused == "/not-a-page")
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        }
        else
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("No access");
        }

        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{account}-3-refused-en-1280x800");
        await page.Context.CloseAsync();
    }
}

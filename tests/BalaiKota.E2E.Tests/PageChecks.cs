using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

internal static class PageChecks
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "login-id-" + page.ViewportSize!.Width + "x" + page.ViewportSize.Height);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }

    /// <summary>Fails on any serious or critical accessibility violation that axe-core finds on the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // While the live connection takes over the prerendered page, the head is briefly re-rendered.
        await page.WaitForFunctionAsync("() => document.title.length > 0");
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", blocking)}");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>
    /// Clicks an interactive control until the expected effect shows: right after a page load the
    /// server circuit may not be connected yet, and a click before that does nothing.
    /// </summary>
    public static async Task ClickUntilAsync(IPage page, string selector, string expectedFunction)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            // A slow reload may have done it after the last wait gave up; a second click would undo it.
            if (await page.EvaluateAsync<bool>(expectedFunction))
            {
                return;
            }

            await page.ClickAsync(selector);
            try
            {
                await page.WaitForFunctionAsync(expectedFunction, null, new PageWaitForFunctionOptions { Timeout = 1000 });
                return;
            }
            catch (TimeoutException)
            {
                // The circuit was not ready yet; try again.
            }
        }

        Assert.Fail($"Clicking {selector} never led to {expectedFunction} on {page.Url}.");
    }
}

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

    /// <summary>Waits for the home at / that inspectors and repair units land on after signing in.</summary>
    public static Task WaitForHomeAsync(IPage page) =>
        page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

    /// <summary>Signs in as an inspector, waits for their home, and opens the visit list.</summary>
    public static async Task OpenVisitsAsInspectorAsync(IPage page)
    {
        await SignInAsync(page, "peninjau@balaikota.test", BrowserFixture.DemoPassword);
        await WaitForHomeAsync(page);
        await page.GotoAsync("/visits");
        await WaitUntilSettledAsync(page);
    }

    /// <summary>Fails on any serious or critical accessibility violation that axe-core finds on the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await WaitUntilSettledAsync(page);

        // axe measures colour contrast as drawn, so a menu still fading in reads as too pale text; endless animations
        // (a progress spinner) never finish and are left out.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)");
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        var head = blocking.Count == 0 ? string.Empty : await page.EvaluateAsync<string>("() => document.title + ' | ' + document.head.innerHTML.substring(0, 1500)");
        Assert.True(blocking.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", blocking)}\n{head}");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>
    /// Waits until the page has settled: its title is set and, on an app page, the live connection
    /// has taken over the prerendered HTML (before that, a click does nothing and the head is
    /// re-rendered once).
    /// </summary>
    public static Task WaitUntilSettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.title.length > 0 && (!document.querySelector('[data-interactive]') || document.querySelector('[data-interactive=true]') !== null)");
}

using System.Text.RegularExpressions;
using BalaiKota.Testing;
using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

/// <summary>
/// One finding of the demo data carried to a verified repair by four people on tablets: the secretariat accepts and
/// assigns it, the repair unit marks it done with an after photo, the inspector rejects once and verifies the second
/// time with a photo, and leadership reads the closed task without a single control to change it.
/// </summary>
public sealed class FollowUpLoopTests(BrowserFixture browser)
{
    private const string RepairUnit = "Bagian Umum (contoh)";

    [Fact]
    public async Task CarriesADemoFindingFromTriageToAVerifiedRepairThatLeadershipCanOnlyRead()
    {
        // The secretariat, on a landscape tablet: the first draft of the triage queue, accepted and assigned.
        var secretariat = await browser.NewPageAsync(1280, 800);
        await PageChecks.SignInAsync(secretariat, "sekretariat@balaikota.test", BrowserFixture.DemoPassword);
        await secretariat.WaitForURLAsync("**/follow-ups");
        await PageChecks.WaitUntilSettledAsync(secretariat);
        await Assertions.Expect(secretariat.GetByTestId("task-list")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(secretariat);
        await PageChecks.ScreenshotAsync(secretariat, "followup-1-list-1280x800");

        await secretariat.GetByTestId("view-queue").ClickAsync();
        var first = secretariat.GetByTestId("triage-item").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        var taskId = await first.GetAttributeAsync("data-task-id") ?? throw new InvalidOperationException("The triage card does not say which task it is.");
        var card = secretariat.Locator($"[data-testid=triage-item][data-task-id='{taskId}']");
        var description = await card.GetByTestId("triage-description").InnerTextAsync();
        await PageChecks.AssertAccessibleAsync(secretariat);
        await PageChecks.ScreenshotAsync(secretariat, "followup-2-queue-1280x800");

        await card.GetByTestId("triage-accept").ClickAsync();
        await card.GetByTestId("assign-unit").ClickAsync();
        await secretariat.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = RepairUnit }).ClickAsync();
        await card.GetByTestId("assign-person").ClickAsync();
        await secretariat.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Pelaksana Demo" }).ClickAsync();
        await PageChecks.ScreenshotAsync(secretariat, "followup-3-assign-1280x800");
        await card.GetByTestId("assign-submit").ClickAsync();
        await Assertions.Expect(secretariat.GetByTestId("triage-done")).ToBeVisibleAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);

        // The repair unit, on a portrait tablet: the bell says a task came in; start, an after photo, done.
        var repair = await browser.NewPageAsync(800, 1280);
        await PageChecks.SignInAsync(repair, "pelaksana@balaikota.test", BrowserFixture.DemoPassword);
        await PageChecks.WaitForHomeAsync(repair);
        await PageChecks.WaitUntilSettledAsync(repair);
        await Assertions.Expect(repair.GetByTestId("bell-count")).ToBeVisibleAsync();
        await repair.GetByTestId("bell").Locator("button").First.ClickAsync();
        await Assertions.Expect(repair.GetByTestId("bell-entry").Filter(new() { HasText = description }).First).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(repair, "followup-4-bell-800x1280");
        await repair.Keyboard.PressAsync("Escape");

        await OpenTaskAsync(repair, taskId);
        await Assertions.Expect(Status(repair)).ToHaveTextAsync("Ditugaskan");
        await Assertions.Expect(repair.GetByTestId("task-unit")).ToContainTextAsync(RepairUnit);
        await repair.GetByTestId("task-start").ClickAsync();
        await Assertions.Expect(Status(repair)).ToHaveTextAsync("Dikerjakan");
        await AddPhotoAsync(repair, "task-after", "sesudah.jpg");
        await repair.Locator("textarea[data-testid=task-done-note]").FillAsync("Exhaust fan dipasang dan jendela diperbaiki.");
        await repair.GetByTestId("task-done").ClickAsync();
        await Assertions.Expect(Status(repair)).ToHaveTextAsync("Selesai, menunggu verifikasi");
        await PageChecks.AssertAccessibleAsync(repair);
        await PageChecks.ScreenshotAsync(repair, "followup-5-done-800x1280");

        // The inspector rejects the first repair with a reason: the task is open again for the unit.
        var inspector = await browser.NewPageAsync(1280, 800);
        await PageChecks.SignInAsync(inspector, "peninjau@balaikota.test", BrowserFixture.DemoPassword);
        await PageChecks.WaitForHomeAsync(inspector);
        await OpenTaskAsync(inspector, taskId);
        await Assertions.Expect(inspector.GetByTestId("task-after").GetByTestId("photo-thumb")).ToHaveCountAsync(1);
        await inspector.Locator("textarea[data-testid=verify-reject-reason]").FillAsync("Ruangan masih pengap, CO₂ 1.400 ppm.");
        await inspector.GetByTestId("verify-reject").ClickAsync();
        await Assertions.Expect(Status(inspector)).ToHaveTextAsync("Dikerjakan");
        await Assertions.Expect(inspector.GetByText("Ruangan masih pengap, CO₂ 1.400 ppm.")).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(inspector, "followup-6-rejected-1280x800");

        // The unit is told, repairs again and marks it done.
        await repair.ReloadAsync();
        await PageChecks.WaitUntilSettledAsync(repair);
        await Assertions.Expect(Status(repair)).ToHaveTextAsync("Dikerjakan");
        await Assertions.Expect(repair.GetByText("Ruangan masih pengap, CO₂ 1.400 ppm.")).ToBeVisibleAsync();
        await repair.Locator("textarea[data-testid=task-done-note]").FillAsync("Ventilasi silang ditambah; CO₂ terukur 800 ppm.");
        await repair.GetByTestId("task-done").ClickAsync();
        await Assertions.Expect(Status(repair)).ToHaveTextAsync("Selesai, menunggu verifikasi");

        // The inspector sees it with their own eyes: a photo, a note, verified.
        await inspector.ReloadAsync();
        await PageChecks.WaitUntilSettledAsync(inspector);
        await inspector.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(inspector.GetByTestId("verify-error")).ToBeVisibleAsync();
        await AddPhotoAsync(inspector, "task-verification", "verifikasi.jpg");
        await inspector.Locator("textarea[data-testid=verify-note]").FillAsync("Sudah sejuk dan tidak pengap.");
        await inspector.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(Status(inspector)).ToHaveTextAsync("Terverifikasi");
        await PageChecks.AssertAccessibleAsync(inspector);
        await PageChecks.ScreenshotAsync(inspector, "followup-7-verified-1280x800");

        // Leadership reads the closed task, its whole story and both photos, and has nothing to press.
        var leadership = await browser.NewPageAsync(1280, 800);
        await PageChecks.SignInAsync(leadership, "pimpinan@balaikota.test", BrowserFixture.DemoPassword);
        await leadership.WaitForURLAsync("**/dashboard");
        await OpenTaskAsync(leadership, taskId);
        await Assertions.Expect(Status(leadership)).ToHaveTextAsync("Terverifikasi");
        await Assertions.Expect(leadership.GetByTestId("task-after").GetByTestId("photo-thumb")).ToHaveCountAsync(1);
        await Assertions.Expect(leadership.GetByText("Sudah sejuk dan tidak pengap.")).ToBeVisibleAsync();
        foreach (var control in new[] { "task-work", "task-verification", "task-comment-form", "photo-input", "task-to-triage" })
        {
            await Assertions.Expect(leadership.GetByTestId(control)).ToHaveCountAsync(0);
        }

        await PageChecks.AssertAccessibleAsync(leadership);
        await PageChecks.ScreenshotAsync(leadership, "followup-8-leadership-1280x800");

        // The closed task is in the secretariat's list of verified tasks (found by its text; it is the newest such task).
        await secretariat.GotoAsync($"/follow-ups?status=Verified&sort=NewestFirst&q={Uri.EscapeDataString(description)}");
        await PageChecks.WaitUntilSettledAsync(secretariat);
        await Assertions.Expect(secretariat.Locator($"[data-testid=task-link][href$='{taskId}']")).ToHaveCountAsync(1);
    }

    // The status chip beside the heading comes before any chip of the timeline.
    private static ILocator Status(IPage page) => page.Locator("main").GetByTestId("task-status").First;

    private static async Task OpenTaskAsync(IPage page, string taskId)
    {
        await page.GotoAsync($"/follow-ups/{taskId}");
        await page.WaitForURLAsync(new Regex($"/follow-ups/{taskId}$"));
        await PageChecks.WaitUntilSettledAsync(page);
    }

    private static async Task AddPhotoAsync(IPage page, string section, string name)
    {
        var strip = page.GetByTestId(section);
        var before = await strip.GetByTestId("photo-thumb").CountAsync();
        await strip.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1200, 900) });
        await Assertions.Expect(strip.GetByTestId("photo-thumb")).ToHaveCountAsync(before + 1);
    }
}

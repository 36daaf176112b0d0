using System.Text.RegularExpressions;
using BalaiKota.Testing;
using Microsoft.Playwright;

namespace BalaiKota.E2E.Tests;

/// <summary>
/// The demo inspector's whole visit on a tablet: plan, three rooms (one a toilet), a reading outside its band and one
/// outside plausibility, a rotated photo, a reload mid-room, signatures, submit, and the findings with their task drafts.
/// </summary>
public sealed class WalkThroughTests(BrowserFixture browser)
{
    // MudBlazor puts a field's extra attributes on the input itself.
    private const string ReadingInput = "input[data-testid=reading]";
    private const string NoteInput = "textarea[data-testid=note]";

    [Theory]
    [InlineData(1280, 800, "Bagian Hukum Sekretariat Daerah")]
    [InlineData(800, 1280, "Dinas Komunikasi dan Informatika")]
    public async Task InspectsThreeRoomsSignsAndSubmitsWithNothingLostOnReload(int width, int height, string opd)
    {
        var size = $"{width}x{height}";
        var page = await browser.NewPageAsync(width, height);
        await PageChecks.OpenVisitsAsInspectorAsync(page);

        // Plan: the OPD, today, the inspector leading, every room, starting now.
        await page.ClickAsync("[data-testid=plan-visit]");
        await page.WaitForURLAsync("**/visits/new");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.ClickAsync("[data-testid=plan-opd]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = opd }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"\d+ dari \d+ ruangan dipilih"))).ToBeVisibleAsync();
        await page.GetByLabel("Nama pejabat pendamping").FillAsync("Ibu Rina Marlina");
        await page.GetByLabel("Jabatan").FillAsync("Sekretaris");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"walk-1-plan-{size}");
        await page.ClickAsync("[data-testid=plan-save]");
        await page.WaitForURLAsync(new Regex(@"/visits/[0-9a-f-]{36}$"));
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveTextAsync("Berlangsung");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"walk-2-rooms-{size}");
        var visitUrl = page.Url;

        // Room 1, an office: a hot reading, an implausible humidity, a missing fire extinguisher with a note and a photo.
        await OpenRoomAsync(page, "Ruang Kerja Staf");
        var heat = page.GetByTestId("item-HEAT-WORK");
        await heat.Locator(ReadingInput).FillAsync("31");
        await Assertions.Expect(heat.GetByTestId("outcome")).ToHaveTextAsync("Tidak OK");
        await Assertions.Expect(heat.GetByTestId("standard")).ToHaveTextAsync("Standar 23–26 °C (Permenkes 48/2016)");
        await Assertions.Expect(heat.GetByTestId("save-state")).ToContainTextAsync("Tersimpan");
        var humidity = page.GetByTestId("item-HEAT-RH");
        await humidity.Locator(ReadingInput).FillAsync("150");
        await Assertions.Expect(humidity.GetByTestId("answer-error")).ToContainTextAsync("di luar batas wajar 0–100 %RH");
        var apar = page.GetByTestId("item-SAF-APAR");
        await apar.GetByTestId("fail").ClickAsync();
        await Assertions.Expect(apar.GetByTestId("save-state")).ToContainTextAsync("Tersimpan");
        await apar.Locator(NoteInput).FillAsync("APAR tidak ada di ruang kerja staf");
        await apar.Locator(NoteInput).BlurAsync();
        await Assertions.Expect(apar.GetByTestId("save-state")).ToContainTextAsync("Tersimpan");
        await apar.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = "apar.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1200, 800, exifOrientation: 6) });
        var thumb = apar.GetByTestId("photo-thumb");
        await Assertions.Expect(thumb).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await thumb.ElementHandleAsync());
        var (thumbWidth, thumbHeight) = (await thumb.EvaluateAsync<int>("img => img.naturalWidth"), await thumb.EvaluateAsync<int>("img => img.naturalHeight"));
        Assert.True(thumbHeight > thumbWidth, $"The photo was taken upright (EXIF 6) but its thumbnail is {thumbWidth}×{thumbHeight}.");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"walk-3-office-{size}");

        // A reload mid-room finds every saved answer, the note and the photo; the implausible reading was never stored.
        await page.ReloadAsync();
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(heat.Locator(ReadingInput)).ToHaveValueAsync("31");
        await Assertions.Expect(heat.GetByTestId("outcome")).ToHaveTextAsync("Tidak OK");
        await Assertions.Expect(humidity.Locator(ReadingInput)).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(apar.GetByTestId("fail")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(apar.Locator(NoteInput)).ToHaveValueAsync("APAR tidak ada di ruang kerja staf");
        await Assertions.Expect(apar.GetByTestId("photo-thumb")).ToHaveCountAsync(1);
        await PageChecks.ScreenshotAsync(page, $"walk-4-after-reload-{size}");

        // Room 2, a toilet; room 3, the meeting room.
        await page.GotoAsync(visitUrl);
        await OpenRoomAsync(page, "Toilet Pria");
        await page.GetByTestId("item-TOI-CLEAN").GetByTestId("rating-4").ClickAsync();
        await page.GetByTestId("item-TOI-WATER").GetByTestId("pass").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-TOI-WATER").GetByTestId("save-state")).ToContainTextAsync("Tersimpan");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"walk-5-toilet-{size}");
        await page.GotoAsync(visitUrl);
        await OpenRoomAsync(page, "Ruang Rapat");
        await page.GetByTestId("item-SAF-APAR").GetByTestId("pass").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-SAF-APAR").GetByTestId("save-state")).ToContainTextAsync("Tersimpan");

        // Summary, signatures with a finger, submit with the unanswered items confirmed.
        await page.GotoAsync(visitUrl);
        await PageChecks.WaitUntilSettledAsync(page);
        await page.ClickAsync("[data-testid=to-summary]");
        await page.WaitForURLAsync("**/summary");
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("summary-notok")).ToContainTextAsync("Suhu ruang kerja: 31 °C");
        await DrawAsync(page, "sign-lead");
        await DrawAsync(page, "sign-opd");
        await page.ClickAsync("[data-testid=sign-save]");
        await Assertions.Expect(page.GetByText("✓ ditandatangani")).ToHaveCountAsync(2);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"walk-6-summary-signed-{size}");
        await page.ClickAsync("[data-testid=submit]");
        await Assertions.Expect(page.GetByTestId("confirm-unanswered")).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, $"walk-7-confirm-{size}");
        await page.ClickAsync("[data-testid=submit-confirm]");

        await page.WaitForURLAsync(visitUrl);
        await PageChecks.WaitUntilSettledAsync(page);
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveTextAsync("Terkirim");
        var findings = page.GetByTestId("finding-list");
        await Assertions.Expect(findings).ToContainTextAsync("Suhu ruang kerja: 31 °C (standar 23–26 °C)");
        await Assertions.Expect(findings).ToContainTextAsync("APAR tidak ada di ruang kerja staf");
        await Assertions.Expect(findings.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(findings).ToContainTextAsync("Draf, menunggu triase");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"walk-8-submitted-{size}");

        // The same room, read back in English after the submit: locked, with the English item labels.
        await page.ClickAsync("[data-testid=language-switch]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveTextAsync("Submitted");
        await OpenRoomAsync(page, "Ruang Kerja Staf");
        await Assertions.Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("item-HEAT-WORK").Locator("h3")).ToHaveTextAsync("Work-room temperature");
        await Assertions.Expect(page.GetByTestId("item-HEAT-WORK").GetByTestId("outcome")).ToHaveTextAsync("Not OK");
        await Assertions.Expect(page.GetByTestId("item-HEAT-RH").GetByTestId("save-state")).ToHaveTextAsync("Not inspected");
        await Assertions.Expect(page.GetByTestId("adhoc-none")).ToHaveTextAsync("No other findings.");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"walk-9-room-read-only-en-{size}");
        await page.Context.CloseAsync();
    }

    private static async Task OpenRoomAsync(IPage page, string namePrefix)
    {
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByTestId("room-card").Locator("a").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(namePrefix)) }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/rooms/[0-9a-f-]{36}$"));
        await PageChecks.WaitUntilSettledAsync(page);
    }

    private static async Task DrawAsync(IPage page, string pad)
    {
        var box = (await page.GetByTestId(pad).BoundingBoxAsync())!;
        await page.GetByTestId(pad).ScrollIntoViewIfNeededAsync();
        box = (await page.GetByTestId(pad).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 12; step++)
        {
            await page.Mouse.MoveAsync(box.X + 20 + (step * 25), box.Y + (box.Height / 2) + ((step % 2 == 0 ? -1 : 1) * 30));
        }

        await page.Mouse.UpAsync();
    }
}

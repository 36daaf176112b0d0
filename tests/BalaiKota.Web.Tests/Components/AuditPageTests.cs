using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Users;
using BalaiKota.Web.Features.Admin.Audit;
using Bunit;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The audit page on a real database: its filters, its paging and an entry's before and after.</summary>
public sealed class AuditPageTests : AdminWorld
{
    [Fact]
    public async Task ShowsWhoChangedWhatAndEachFieldsBeforeAndAfterWhenAnEntryIsOpened()
    {
        var created = await UserAdmin.CreateAsync(Admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null));
        var row = (await UserAdmin.ListAsync(Admin)).Single(u => u.Id == created.UserId);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await UserAdmin.UpdateAsync(Admin, new UpdateUserRequest(row.Id, row.Stamp, "Sari Dewi", row.Email, row.Roles, null));

        var page = RenderPage();
        await SetAsync(page, "audit-entity-id", created.UserId);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=audit-row]").Count), Loading);
        var newest = page.FindAll("[data-testid=audit-row]")[0];
        Assert.Equal(("20 Nov 2026 10.10.00", "Nama admin", "Pengguna", "Diubah"), (Text(newest, "audit-when"), Text(newest, "audit-who"), Text(newest, "audit-entity"), Text(newest, "audit-action")));
        Assert.Empty(page.FindAll("[data-testid=audit-detail]"));

        newest.QuerySelector("[data-testid=audit-expand]")!.Click();

        var field = page.FindAll("[data-testid=audit-field]").Single(f => f.QuerySelector("[data-testid=audit-field-name]")!.TextContent == nameof(ApplicationUser.FullName));
        Assert.Equal(("Sari", "Sari Dewi"), (Text(field, "audit-before"), Text(field, "audit-after")));
        Assert.DoesNotContain("PasswordHash", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersByTypeAndPagesThroughTheEntriesNewestFirst()
    {
        await using (var db = CreateDbContext())
        {
            foreach (var i in Enumerable.Range(1, 30))
            {
                db.AuditEntries.Add(new AuditEntry(new DateTime(2026, 11, 1, 0, i, 0, DateTimeKind.Utc), Admin.UserId, "Room", $"r{i}", AuditAction.Modified, """{"Name":{"before":"Lama","after":"Baru"}}"""));
            }

            await db.SaveChangesAsync();
        }

        var page = RenderPage();
        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>()[1].Instance.ValueChanged.InvokeAsync("Room"));

        page.WaitForAssertion(() => Assert.Equal("Catatan 1–25 dari 30, terbaru lebih dulu", page.Find("[data-testid=audit-count]").TextContent.Trim()), Loading);
        Assert.Equal("r30", Text(page.FindAll("[data-testid=audit-row]")[0], "audit-entity-key"));
        Assert.All(page.FindAll("[data-testid=audit-entity]"), e => Assert.Equal("Ruangan", e.TextContent.Trim()));

        await page.InvokeAsync(() => page.FindComponent<MudPagination>().Instance.SelectedChanged.InvokeAsync(2));

        page.WaitForAssertion(() => Assert.Equal(["r5", "r4", "r3", "r2", "r1"], page.FindAll("[data-testid=audit-entity-key]").Select(e => e.TextContent.Trim())), Loading);
    }

    [Fact]
    public async Task SaysSoWhenTheDatesAreTheWrongWayRound()
    {
        var page = RenderPage();
        var pickers = page.FindComponents<MudDatePicker>();

        await page.InvokeAsync(() => pickers[1].Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 10)));
        await page.InvokeAsync(() => pickers[0].Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 12)));

        page.WaitForAssertion(() => Assert.Equal("Tanggal awal harus sebelum atau sama dengan tanggal akhir.", page.Find("[data-testid=audit-error]").TextContent.Trim()), Loading);
    }

    private IRenderedComponent<AuditPage> RenderPage()
    {
        Render<MudPopoverProvider>();
        var page = Render<AuditPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")), Loading);
        return page;
    }

    private static async Task SetAsync(IRenderedComponent<AuditPage> page, string testId, string value)
    {
        var field = page.Find($"[data-testid={testId}]");
        var input = field.LocalName == "input" ? field : field.QuerySelector("input")!;
        await input.ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = value });
    }

    private static string Text(AngleSharp.Dom.IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
}

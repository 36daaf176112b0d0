using BalaiKota.Core.Domain;
using BalaiKota.Web.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The bell in the app bar (see <see cref="TaskScenario"/>): the unread count, the entries, and reading them.</summary>
public sealed class NotificationBellTests : ShellContext, IAsyncLifetime
{
    private const string Finding = "Suhu ruang kerja: 31 °C (standar 23–26 °C) — AC mati";
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);

    private TaskScenario _scenario = default!;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await TaskScenario.CreateAsync();
        _scenario.Register(Services);
    }

    [Fact]
    public async Task CountsTheUnreadEntriesAndListsThemWithRoomAndOpd()
    {
        await _scenario.AssignAsync();

        var bell = RenderBell(TaskScenario.Repair);

        Assert.Equal("1", bell.Find("[data-testid=bell-count] .mud-badge").TextContent.Trim());
        Assert.Equal("Notifikasi, 1 belum dibaca", bell.Find("[data-testid=bell] button").GetAttribute("aria-label"));
        await OpenAsync(bell);
        var entry = _popovers.Find("[data-testid=bell-entry]");
        Assert.Contains("bell-unread", entry.ClassList);
        Assert.Equal($"Belum dibaca: Tugas baru untuk unit Anda: {Finding}", entry.QuerySelector("[data-testid=bell-entry-text]")!.TextContent.Trim());
        Assert.Equal($"{_scenario.RoomName} · {await OpdNameAsync()} · 20 Nov 09.20", entry.QuerySelector("[data-testid=bell-entry-where]")!.TextContent.Trim());
    }

    [Fact]
    public async Task OpeningAnEntryMarksItReadAndLeadsToItsTask()
    {
        await _scenario.AssignAsync();
        var bell = RenderBell(TaskScenario.Repair);
        var navigation = Services.GetRequiredService<NavigationManager>();
        await OpenAsync(bell);

        await _popovers.Find("[data-testid=bell-entry]").ClickAsync(new());

        Assert.Equal($"http://localhost/follow-ups/{_scenario.TaskId}", navigation.Uri);
        Assert.Equal(0, await UnreadOfAsync(TaskScenario.Repair));
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".mud-badge")), Loading);
        Assert.Equal("Notifikasi", bell.Find("[data-testid=bell] button").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task MarksEverythingReadAtOnce()
    {
        await _scenario.AssignAsync();
        await _scenario.StartWorkAsync();
        await _scenario.MarkDoneAsync();
        Assert.False((await _scenario.FollowUps.RejectAsync(TaskScenario.Inspector, _scenario.TaskId, (await _scenario.DetailAsync()).Version, "Masih panas")).IsConflict);
        var bell = RenderBell(TaskScenario.Repair);
        Assert.Equal("2", bell.Find("[data-testid=bell-count] .mud-badge").TextContent.Trim());
        await OpenAsync(bell);

        await _popovers.Find("[data-testid=bell-mark-all]").ClickAsync(new());

        Assert.Equal(0, await UnreadOfAsync(TaskScenario.Repair));
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".mud-badge")), Loading);
        await OpenAsync(bell);
        Assert.Equal(2, _popovers.FindAll("[data-testid=bell-entry]").Count);
        Assert.Empty(_popovers.FindAll(".bell-unread"));
        Assert.Empty(_popovers.FindAll("[data-testid=bell-mark-all]"));
    }

    [Theory]
    [InlineData(NotificationKind.TaskAssigned, "pelaksana", "Tugas baru untuk unit Anda: ")]
    [InlineData(NotificationKind.TaskHandedBack, "sekretariat", "Tugas dikembalikan: ")]
    [InlineData(NotificationKind.TaskDueSoon, "pelaksana", "Jatuh tempo dalam 2 hari: ")]
    [InlineData(NotificationKind.TaskOverdue, "sekretariat", "Terlambat: ")]
    [InlineData(NotificationKind.VerificationRejected, "pelaksana", "Verifikasi ditolak: ")]
    [InlineData(NotificationKind.WaitingVerification, "peninjau", "Selesai, menunggu verifikasi Anda: ")]
    public async Task SaysWhatHappenedToTheTask(NotificationKind kind, string recipient, string expected)
    {
        await BringAboutAsync(kind);

        var bell = RenderBell(new Actor(recipient, new HashSet<string>()));
        await OpenAsync(bell);

        Assert.Equal($"Belum dibaca: {expected}{Finding}", _popovers.FindAll("[data-testid=bell-entry-text]")[0].TextContent.Trim());
    }

    [Fact]
    public async Task SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");
        await _scenario.AssignAsync();
        await _scenario.StartWorkAsync();
        await _scenario.MarkDoneAsync();

        var bell = RenderBell(TaskScenario.Inspector);
        await OpenAsync(bell);

        Assert.Equal("Notifications, 1 unread", bell.Find("[data-testid=bell] button").GetAttribute("aria-label"));
        Assert.Equal($"Unread: Done, waiting for your verification: {Finding}", _popovers.Find("[data-testid=bell-entry-text]").TextContent.Trim());
    }

    [Fact]
    public async Task CountsAgainWhenTheUserMovesToAnotherPage()
    {
        await _scenario.AssignAsync();
        var bell = RenderBell(TaskScenario.Secretariat);
        Assert.Empty(bell.FindAll(".mud-badge"));

        await _scenario.HandBackAsync(HandBackReason.NotOurs, "Ini tugas OPD sendiri");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/follow-ups");

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=bell-count] .mud-badge").TextContent.Trim()), Loading);
    }

    [Fact]
    public async Task CountsAgainOnceAMinuteWhileThePageStaysOpen()
    {
        var bell = RenderBell(TaskScenario.Repair);
        Assert.Empty(bell.FindAll(".mud-badge"));
        await using (var db = _scenario.Database.CreateDbContext())
        {
            db.Notifications.Add(new Notification(TaskScenario.Repair.UserId, NotificationKind.TaskAssigned, _scenario.TaskId, null, _scenario.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        _scenario.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(bell.FindAll(".mud-badge"));
        _scenario.Clock.Advance(TimeSpan.FromSeconds(1));

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find("[data-testid=bell-count] .mud-badge").TextContent.Trim()), Loading);
    }

    [Fact]
    public async Task AnEmptyBellSaysThereIsNothing()
    {
        await _scenario.AssignAsync();
        var bell = RenderBell(TaskScenario.Leadership);

        await OpenAsync(bell);

        Assert.Empty(bell.FindAll(".mud-badge"));
        Assert.Equal("Belum ada notifikasi.", _popovers.Find("[data-testid=bell-empty]").TextContent.Trim());
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scenario.DisposeAsync();
    }

    private IRenderedComponent<NotificationBell> RenderBell(Actor actor)
    {
        TaskScenario.SignIn(this, actor);
        _popovers = Render<MudPopoverProvider>();
        return Render<NotificationBell>();
    }

    private async Task OpenAsync(IRenderedComponent<NotificationBell> bell)
    {
        await bell.Find("[data-testid=bell] button").ClickAsync(new());
        _popovers.WaitForElement("[data-testid=bell-entry], [data-testid=bell-empty]", Loading);
    }

    private async Task<int> UnreadOfAsync(Actor actor)
    {
        await using var db = _scenario.Database.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null);
    }

    private async Task<string> OpdNameAsync()
    {
        await using var db = _scenario.Database.CreateDbContext();
        return await db.Opds.Where(o => db.Rooms.Any(r => r.Id == _scenario.RoomId && r.OpdId == o.Id)).Select(o => o.Name).SingleAsync();
    }

    private async Task BringAboutAsync(NotificationKind kind)
    {
        await _scenario.AssignAsync();
        switch (kind)
        {
            case NotificationKind.TaskHandedBack:
                await _scenario.HandBackAsync(HandBackReason.NeedsClarification, "AC yang mana?");
                break;
            case NotificationKind.TaskDueSoon:
                _scenario.Clock.Advance(TimeSpan.FromDays(5));
                Assert.True(await _scenario.Notifications.CreateDueRemindersAsync() > 0);
                break;
            case NotificationKind.TaskOverdue:
                _scenario.Clock.Advance(TimeSpan.FromDays(8));
                Assert.True(await _scenario.Notifications.CreateDueRemindersAsync() > 0);
                break;
            case NotificationKind.VerificationRejected:
            case NotificationKind.WaitingVerification:
                await _scenario.StartWorkAsync();
                await _scenario.MarkDoneAsync();
                if (kind == NotificationKind.VerificationRejected)
                {
                    Assert.False((await _scenario.FollowUps.RejectAsync(TaskScenario.Inspector, _scenario.TaskId, (await _scenario.DetailAsync()).Version, "Masih panas")).IsConflict);
                }

                break;
        }
    }
}

using BalaiKota.Core.Domain;
using BalaiKota.Testing;
using BalaiKota.Web.Features.FollowUps;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The walk-through's panel of a room's tasks (see <see cref="TaskScenario"/>), with verification on the spot.</summary>
public sealed class RoomTasksPanelTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);

    private TaskScenario _scenario = default!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await TaskScenario.CreateAsync();
        _scenario.Register(Services);
    }

    [Fact]
    public async Task ListsTheRoomsOpenTaskWithItsUnitAndDueDateAndLinksToIt()
    {
        await _scenario.AssignAsync();
        _scenario.Clock.Advance(TimeSpan.FromDays(8));

        var panel = Open(TaskScenario.Inspector);

        var task = panel.Find("[data-testid=room-task]");
        Assert.Equal($"/follow-ups/{_scenario.TaskId}", task.QuerySelector("[data-testid=room-task-link]")!.GetAttribute("href"));
        Assert.Equal("Suhu ruang kerja: 31 °C (standar 23–26 °C) — AC mati", task.QuerySelector("[data-testid=room-task-link]")!.TextContent.Trim());
        Assert.Equal(
            "Unit penanggung jawab: Bagian Umum (contoh) · Tenggat: 27 Nov 2026 · Terlambat",
            string.Join(' ', task.QuerySelector("[data-testid=room-task-facts]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.NotNull(task.QuerySelector("strong[data-testid=room-task-overdue]"));
        Assert.Empty(panel.FindAll("[data-testid=task-verification], [data-testid=room-task-verify-open]"));
    }

    [Fact]
    public void ARoomWithoutOpenTasksSaysSo()
    {
        var panel = Open(TaskScenario.Inspector, Guid.CreateVersion7());

        Assert.Equal("Tidak ada tindak lanjut yang terbuka di ruangan ini.", panel.Find("[data-testid=room-tasks-none]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=room-task]"));
    }

    [Fact]
    public async Task ADoneRepairOffersItsVerificationFoldedUntilAskedFor()
    {
        await DoneAsync();
        var panel = Open(TaskScenario.Inspector);
        Assert.Empty(panel.FindAll("[data-testid=task-verification]"));

        panel.Find("button[data-testid=room-task-verify-open]").Click();

        Assert.Single(panel.FindAll("[data-testid=task-verification]"));
        Assert.Empty(panel.FindAll("[data-testid=room-task-verify-open]"));
    }

    [Fact]
    public async Task AnInspectorVerifiesADoneRepairOnTheSpotWithAPhotoAndTheTaskLeavesTheList()
    {
        await DoneAsync();
        var panel = Open(TaskScenario.Inspector);
        panel.Find("button[data-testid=room-task-verify-open]").Click();

        panel.FindComponent<TaskPhotoStrip>().FindComponent<InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary(TestImages.Jpeg(640, 480), "verifikasi.jpg", contentType: "image/jpeg"));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=photos-Verification] img[data-testid=photo-thumb]")), Loading);
        await panel.Find("button[data-testid=verify]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal("Perbaikan diverifikasi: Suhu ruang kerja: 31 °C (standar 23–26 °C) — AC mati", panel.Find("[data-testid=room-tasks-verified]").TextContent.Trim()), Loading);
        Assert.Empty(panel.FindAll("[data-testid=room-task]"));
        Assert.Equal(FollowUpStatus.Verified, await _scenario.StoredStatusAsync());
    }

    [Fact]
    public async Task VerifyingWithoutAPhotoShowsTheServersReason()
    {
        await DoneAsync();
        var panel = Open(TaskScenario.Inspector);
        panel.Find("button[data-testid=room-task-verify-open]").Click();

        await panel.Find("button[data-testid=verify]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal("Tambahkan foto hasil perbaikan yang Anda lihat sebelum memverifikasi.", panel.Find("[data-testid=verify-error]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.Done, await _scenario.StoredStatusAsync());
    }

    [Fact]
    public async Task ARejectedRepairStaysInTheListAsInProgressWithoutTheVerification()
    {
        await DoneAsync();
        var panel = Open(TaskScenario.Inspector);
        panel.Find("button[data-testid=room-task-verify-open]").Click();

        panel.Find("textarea[data-testid=verify-reject-reason]").Change("Masih 29 °C");
        await panel.Find("button[data-testid=verify-reject]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=task-verification]")), Loading);
        Assert.Single(panel.FindAll("[data-testid=room-task]"));
        Assert.Equal(FollowUpStatus.InProgress, await _scenario.StoredStatusAsync());
    }

    [Fact]
    public async Task ARejectionMeetingSomeoneElsesVerdictShowsItAndKeepsTheReasonTyped()
    {
        await DoneAsync();
        var panel = Open(TaskScenario.Inspector);
        panel.Find("button[data-testid=room-task-verify-open]").Click();
        panel.Find("textarea[data-testid=verify-reject-reason]").Change("Masih 29 °C");

        var version = (await _scenario.DetailAsync()).Version;
        Assert.False((await _scenario.FollowUps.RejectAsync(TaskScenario.Secretariat, _scenario.TaskId, version, "Bau apek masih ada")).IsConflict);
        await panel.Find("button[data-testid=verify-reject]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains("(status: Dikerjakan)", panel.Find("[data-testid=task-conflict]").TextContent, StringComparison.Ordinal), Loading);
        Assert.Equal("Yang Anda tulis (belum terkirim): «Masih 29 °C»", panel.Find("[data-testid=task-conflict-unsent]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=task-verification]"));
        var detail = await _scenario.DetailAsync();
        Assert.Equal("Bau apek masih ada", detail.Timeline[^1].Note);
    }

    [Fact]
    public async Task LeadershipSeesTheRoomsTasksButNoWayToVerify()
    {
        await DoneAsync();

        var panel = Open(TaskScenario.Leadership);

        Assert.Single(panel.FindAll("[data-testid=room-task]"));
        Assert.Empty(panel.FindAll("[data-testid=task-verification], [data-testid=room-task-verify-open]"));
        Assert.Empty(panel.FindAll("button, input, textarea"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scenario.DisposeAsync();
    }

    private IRenderedComponent<RoomTasksPanel> Open(Actor actor, Guid? roomId = null)
    {
        TaskScenario.SignIn(this, actor);
        var panel = Render<RoomTasksPanel>(p => p.Add(r => r.RoomId, roomId ?? _scenario.RoomId));
        panel.WaitForElement("[data-testid=room-task], [data-testid=room-tasks-none]", Loading);
        return panel;
    }

    private async Task DoneAsync()
    {
        await _scenario.AssignAsync();
        await _scenario.StartWorkAsync();
        await _scenario.MarkDoneAsync("Kompresor diganti");
    }
}

using System.Security.Claims;
using AngleSharp.Dom;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Web.Features.FollowUps;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Severity = BalaiKota.Core.Domain.Severity;
using W = BalaiKota.Web.Tests.Components.FollowUpsPageWorld;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The secretariat's triage queue on /follow-ups?view=queue, on the real follow-up service and a throw-away database
/// (see <see cref="FollowUpsPageWorld"/>), today being Friday 20 November 2026.
/// </summary>
public sealed class TriageQueueTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private W _world = default!;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    public async ValueTask InitializeAsync()
    {
        _world = await W.CreateAsync();
        _world.Register(Services);
    }

    [Fact]
    public async Task ShowsTheFindingWithItsPhotoPlaceAndTheReadingAgainstItsStandard()
    {
        var taskId = await _world.SubmitHeatReadingAsync(31);
        await using var db = _world.Database.CreateDbContext();
        var photoId = await db.Photos.Select(p => p.Id).SingleAsync();

        var item = Open().WaitForElement("[data-testid=triage-item]", Loading);

        Assert.Equal("Suhu ruang kerja: 31 °C", Text(item, "triage-reading"));
        Assert.Equal("Standar 23–26 °C (Permenkes 48/2016)", Text(item, "triage-standard"));
        Assert.Equal(
            "Ruang Kerja Staf Disdukcapil · Lantai 1 · Gedung Pelayanan Terpadu (contoh) · Dinas Kependudukan dan Pencatatan Sipil · kunjungan 20 Nov 2026",
            Text(item, "triage-place"));
        Assert.Equal("Tinggi", Text(item, "severity"));
        Assert.Equal("Draf, menunggu triase", Text(item, "task-status"));
        var photo = item.QuerySelector("a[data-testid=triage-photo]")!;
        Assert.Equal($"/photos/{photoId}", photo.GetAttribute("href"));
        Assert.Equal($"/photos/{photoId}/thumb", photo.QuerySelector("img")!.GetAttribute("src"));
        Assert.Null(item.QuerySelector("[data-testid=triage-repeat]"));
        Assert.Null(item.QuerySelector("[data-testid=triage-handback]"));
        Assert.Equal(FollowUpStatus.New, (await _world.TaskAsync(taskId)).Status);
    }

    [Fact]
    public async Task AHandedBackTaskComesFirstWithTheUnitsReasonAndNote()
    {
        await _world.AddTaskAsync("Wastafel tersumbat", severity: Severity.Critical);
        await _world.AddTaskAsync("AC mati", status: FollowUpStatus.HandedBack, severity: Severity.Low);

        var page = Open();

        page.WaitForAssertion(() => Assert.Equal(["AC mati", "Wastafel tersumbat"], Descriptions(page)), Loading);
        var handedBack = page.Find("[data-testid=triage-item]");
        Assert.Equal($"Dikembalikan oleh {W.TechnicalUnitName}: Perlu anggaran.", Text(handedBack, "triage-handback-reason"));
        Assert.Equal("Perlu pengadaan AC baru.", Text(handedBack, "triage-handback-note"));
        Assert.Equal("Dikembalikan", Text(handedBack, "task-status"));
        Assert.Equal("Perlu dipilah (2)", page.Find("[data-testid=view-queue]").TextContent.Trim());
    }

    [Fact]
    public async Task AcceptingAssignsTheUnitPersonPriorityAndDueDateStartingFromTheProposal()
    {
        var taskId = await _world.AddTaskAsync("Wastafel tersumbat", severity: Severity.Low, due: new DateOnly(2026, 12, 4));
        var page = Open();
        page.WaitForElement("[data-testid=triage-item]", Loading);

        page.Find("button[data-testid=triage-accept]").Click();
        Assert.Equal("2026-12-04", page.Find("input[data-testid=assign-due]").GetAttribute("value"));
        Assert.Equal("2026-11-20", page.Find("input[data-testid=assign-due]").GetAttribute("min"));
        Assert.Equal("Rendah", page.Find("input[data-testid=assign-priority]").GetAttribute("value"));
        Choose(page, "assign-unit", W.TechnicalUnitName);
        Choose(page, "assign-person", "Nama pelaksana2");
        Choose(page, "assign-priority", "Tinggi");
        page.Find("input[data-testid=assign-due]").Change("2026-11-25");
        page.Find("button[data-testid=assign-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal($"“Wastafel tersumbat” ditugaskan ke {W.TechnicalUnitName}.", page.Find("[data-testid=triage-done]").TextContent.Trim()), Loading);
        var task = await _world.TaskAsync(taskId);
        Assert.Equal(
            (FollowUpStatus.Assigned, _world.TechnicalUnitId, W.OtherRepairer, TaskPriority.High, new DateOnly(2026, 11, 25)),
            (task.Status, task.ResponsibleUnitId!.Value, task.AssigneeId, task.Priority, task.DueDate!.Value));
        Assert.Single(page.FindAll("[data-testid=triage-none]"));
        page.WaitForAssertion(() => Assert.Equal("Perlu dipilah (0)", page.Find("[data-testid=view-queue]").TextContent.Trim()), Loading);
    }

    [Fact]
    public async Task ADueDateInThePastIsRefusedWithAMessageAndNothingIsSent()
    {
        var taskId = await _world.AddTaskAsync("Wastafel tersumbat");
        var page = Open();
        page.WaitForElement("[data-testid=triage-item]", Loading);
        page.Find("button[data-testid=triage-accept]").Click();
        Choose(page, "assign-unit", W.TechnicalUnitName);

        page.Find("input[data-testid=assign-due]").Change("2026-11-19");
        page.Find("button[data-testid=assign-submit]").Click();

        Assert.Equal("Tenggat tidak boleh sebelum hari ini (20 November 2026).", page.Find("[data-testid=assign-problem]").TextContent.Trim());
        Assert.Equal(FollowUpStatus.New, (await _world.TaskAsync(taskId)).Status);
        Assert.Empty(page.FindAll("[data-testid=triage-done]"));
    }

    [Fact]
    public async Task TheServerRefusesADateThatPassedWhileTheFormWasOpenAndThePageSaysWhy()
    {
        var taskId = await _world.AddTaskAsync("Wastafel tersumbat");
        var page = Open();
        page.WaitForElement("[data-testid=triage-item]", Loading);
        page.Find("button[data-testid=triage-accept]").Click();
        Choose(page, "assign-unit", W.TechnicalUnitName);
        page.Find("input[data-testid=assign-due]").Change("2026-11-20");

        // The tablet stayed open overnight: the page still thinks it is the 20th, the server knows better.
        _world.Clock.Advance(TimeSpan.FromDays(1));
        page.Find("button[data-testid=assign-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("Tenggat tidak boleh di masa lalu.", page.Find("[data-testid=triage-error]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.New, (await _world.TaskAsync(taskId)).Status);
    }

    [Fact]
    public async Task APersonWhoLeftTheUnitMeanwhileIsRefusedByTheServerWithItsMessage()
    {
        var taskId = await _world.AddTaskAsync("Wastafel tersumbat");
        var page = Open();
        page.WaitForElement("[data-testid=triage-item]", Loading);
        page.Find("button[data-testid=triage-accept]").Click();
        Choose(page, "assign-unit", W.TechnicalUnitName);
        Choose(page, "assign-person", "Nama pelaksana");

        await _world.DeactivateAsync(W.Repairer);
        page.Find("button[data-testid=assign-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("Petugas yang dipilih bukan anggota aktif unit tersebut.", page.Find("[data-testid=triage-error]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.New, (await _world.TaskAsync(taskId)).Status);
        Assert.Single(page.FindAll("[data-testid=triage-item]"));
    }

    [Fact]
    public async Task WhenSomeoneElseAssignedTheTaskFirstTheirAssignmentStaysAndTheConflictShowsItsCurrentState()
    {
        var taskId = await _world.AddTaskAsync("Wastafel tersumbat");
        var page = Open();
        page.WaitForElement("[data-testid=triage-item]", Loading);
        page.Find("button[data-testid=triage-accept]").Click();
        Choose(page, "assign-unit", W.TechnicalUnitName);

        var first = await _world.FollowUps.AssignAsync(_world.Acting(W.OtherSecretariat), new AssignRequest(
            taskId, await _world.VersionAsync(taskId), _world.OpdUnitId, W.OpdRepairer, TaskPriority.Urgent, new DateOnly(2026, 11, 30)));
        Assert.False(first.IsConflict);
        page.Find("button[data-testid=assign-submit]").Click();

        var conflict = page.WaitForElement("[data-testid=conflict]", Loading);
        Assert.StartsWith("“Wastafel tersumbat” sudah diubah orang lain sebelum keputusan Anda tersimpan", conflict.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            "Ditugaskan Disdukcapil (pemeliharaan mandiri) · Nama pelaksana-opd Tenggat 30 Nov 2026",
            string.Join(" ", conflict.QuerySelector("[data-testid=conflict-current]")!.Children.Select(c => c.TextContent.Trim())));
        var task = await _world.TaskAsync(taskId);
        Assert.Equal((_world.OpdUnitId, TaskPriority.Urgent), (task.ResponsibleUnitId!.Value, task.Priority));
        Assert.Empty(page.FindAll("[data-testid=triage-done]"));
        Assert.Single(page.FindAll("[data-testid=triage-none]"));
    }

    [Fact]
    public async Task ARepeatFindingOffersTheOpenTaskOfTheSameRoomAndMergesIntoIt()
    {
        var open = await _world.AddTaskAsync("AC mati", room: "Ruang Rapat Bappelitbang", area: InspectionArea.Heat, status: FollowUpStatus.InProgress, due: new DateOnly(2026, 11, 17), foundDaysAgo: 20);
        var repeat = await _world.AddTaskAsync("AC masih mati", room: "Ruang Rapat Bappelitbang", area: InspectionArea.Heat);
        await _world.AddTaskAsync("Kursi rusak", room: "Ruang Rapat Bappelitbang", area: InspectionArea.Comfort);
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=triage-item]").Count), Loading);
        var items = page.FindAll("[data-testid=triage-item]").ToDictionary(i => Text(i, "triage-description"));
        Assert.Null(items["Kursi rusak"].QuerySelector("[data-testid=triage-repeat]"));

        var candidate = items["AC masih mati"].QuerySelector("[data-testid=merge-candidate]")!;
        Assert.Equal("Dikerjakan", Text(candidate, "task-status"));
        Assert.Contains($"{W.TechnicalUnitName} · Tenggat 17 Nov 2026 · ditemukan 31 Okt 2026", candidate.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/follow-ups/{open}", candidate.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Temuan berulang", items["AC masih mati"].QuerySelector("[data-testid=triage-repeat]")!.TextContent, StringComparison.Ordinal);

        candidate.QuerySelector("button[data-testid=triage-merge]")!.Click();

        page.WaitForAssertion(() => Assert.Equal("“AC masih mati” digabung ke tugas yang sudah ada.", page.Find("[data-testid=triage-done]").TextContent.Trim()), Loading);
        var merged = await _world.TaskAsync(repeat);
        Assert.Equal((FollowUpStatus.Merged, open), (merged.Status, merged.MergedIntoTaskId!.Value));
        Assert.Equal(["Kursi rusak"], Descriptions(page));
    }

    [Fact]
    public async Task DismissingNeedsAReasonAndThenClosesTheDraft()
    {
        var taskId = await _world.AddTaskAsync("Bukan temuan sungguhan");
        var page = Open();
        page.WaitForElement("[data-testid=triage-item]", Loading);
        page.Find("button[data-testid=triage-dismiss]").Click();

        page.Find("button[data-testid=triage-dismiss-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("Alasan wajib diisi (paling banyak 1.000 karakter).", page.Find("[data-testid=triage-error]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.New, (await _world.TaskAsync(taskId)).Status);

        page.Find("textarea[data-testid=triage-dismiss-reason]").Change("Ruangan sudah dibongkar.");
        page.Find("button[data-testid=triage-dismiss-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("“Bukan temuan sungguhan” ditolak.", page.Find("[data-testid=triage-done]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.Dismissed, (await _world.TaskAsync(taskId)).Status);
    }

    [Fact]
    public async Task AssignsTheChosenTasksToOneUnitAtOnceEachKeepingItsProposedDueDateAndPriority()
    {
        var sink = await _world.AddTaskAsync("Wastafel tersumbat", severity: Severity.Low, due: new DateOnly(2026, 12, 20));
        var ceiling = await _world.AddTaskAsync("Plafon bocor", severity: Severity.High, due: new DateOnly(2026, 11, 27));
        var chair = await _world.AddTaskAsync("Kursi rusak", severity: Severity.Medium);
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=triage-item]").Count), Loading);
        Assert.Empty(page.FindAll("[data-testid=bulk-assign]"));

        Select(page, "Wastafel tersumbat");
        Select(page, "Plafon bocor");
        Assert.Equal("Tugaskan 2 temuan terpilih", page.Find("[data-testid=bulk-assign] h3").TextContent.Trim());
        Choose(page, "assign-unit", W.TechnicalUnitName);
        page.Find("[data-testid=bulk-assign] button[data-testid=assign-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal($"2 tugas ditugaskan ke {W.TechnicalUnitName}.", page.Find("[data-testid=triage-done]").TextContent.Trim()), Loading);
        var (first, second) = (await _world.TaskAsync(sink), await _world.TaskAsync(ceiling));
        Assert.Equal((FollowUpStatus.Assigned, _world.TechnicalUnitId, TaskPriority.Low, new DateOnly(2026, 12, 20)), (first.Status, first.ResponsibleUnitId!.Value, first.Priority, first.DueDate!.Value));
        Assert.Equal((FollowUpStatus.Assigned, _world.TechnicalUnitId, TaskPriority.High, new DateOnly(2026, 11, 27)), (second.Status, second.ResponsibleUnitId!.Value, second.Priority, second.DueDate!.Value));
        Assert.Equal(FollowUpStatus.New, (await _world.TaskAsync(chair)).Status);
        Assert.Equal(["Kursi rusak"], Descriptions(page));
        Assert.Empty(page.FindAll("[data-testid=bulk-assign]"));
    }

    [Fact]
    public async Task ABulkAssignmentOverAChangedTaskAssignsNoneAndNamesTheChangedOne()
    {
        var sink = await _world.AddTaskAsync("Wastafel tersumbat");
        var ceiling = await _world.AddTaskAsync("Plafon bocor");
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=triage-item]").Count), Loading);
        page.Find("input[data-testid=triage-select-all]").Change(true);
        Assert.Equal("Tugaskan 2 temuan terpilih", page.Find("[data-testid=bulk-assign] h3").TextContent.Trim());
        Choose(page, "assign-unit", W.TechnicalUnitName);

        await _world.FollowUps.DismissAsync(_world.Acting(W.OtherSecretariat), ceiling, await _world.VersionAsync(ceiling), "Sudah diperbaiki OPD sendiri.");
        page.Find("[data-testid=bulk-assign] button[data-testid=assign-submit]").Click();

        var conflict = page.WaitForElement("[data-testid=bulk-conflict]", Loading);
        Assert.Equal(["Plafon bocor"], conflict.QuerySelectorAll("li").Select(l => l.TextContent.Trim()));
        Assert.Equal(FollowUpStatus.New, (await _world.TaskAsync(sink)).Status);
        Assert.Equal(FollowUpStatus.Dismissed, (await _world.TaskAsync(ceiling)).Status);
        Assert.Empty(page.FindAll("[data-testid=triage-done]"));
        Assert.Equal(["Wastafel tersumbat"], Descriptions(page));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _world.DisposeAsync();
    }

    private static string Text(IElement element, string testId) =>
        element.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static List<string> Descriptions(IRenderedComponent<FollowUpsPage> page) =>
        page.FindAll("[data-testid=triage-description]").Select(d => d.TextContent.Trim()).ToList();

    private static void Select(IRenderedComponent<FollowUpsPage> page, string description) =>
        page.FindAll("[data-testid=triage-item]").Single(i => Text(i, "triage-description") == description)
            .QuerySelector("input[data-testid=triage-select]")!.Change(true);

    /// <summary>Opens a select as a finger does and picks the option with this text from the popover.</summary>
    private void Choose(IRenderedComponent<FollowUpsPage> page, string testId, string option)
    {
        page.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        _popovers.WaitForElements(".mud-popover-open .mud-list-item", Loading).Single(i => i.TextContent.Trim() == option).Click();
    }

    /// <summary>The queue as a secretariat member opens it.</summary>
    private IRenderedComponent<FollowUpsPage> Open()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{W.Secretariat}@balaikota.test");
        authorization.SetRoles(Roles.Secretariat);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, W.Secretariat));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/follow-ups?view=queue");
        _popovers = Render<MudPopoverProvider>();
        return Render<FollowUpsPage>();
    }
}

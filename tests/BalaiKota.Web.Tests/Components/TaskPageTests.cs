using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Testing;
using BalaiKota.Web.Features.FollowUps;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The task page on a real task (see <see cref="TaskScenario"/>): what each role is offered, and what each action does.</summary>
public sealed class TaskPageTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["pelaksana"] = TaskScenario.Repair,
        ["sekretariat"] = TaskScenario.Secretariat,
        ["peninjau"] = TaskScenario.Inspector,
        ["pimpinan"] = TaskScenario.Leadership,
        ["admin"] = TaskScenario.Administrator,
    };

    // The controls that change a task, by test id; a photo input counts as the stage it adds photos to.
    private static readonly string[] Controls = ["task-start", "task-done", "task-handback", "verify", "verify-reject", "task-comment-send", "task-to-triage"];
    private static readonly string[] PhotoStages = ["photos-After", "photos-Verification"];

    private TaskScenario _scenario = default!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await TaskScenario.CreateAsync();
        _scenario.Register(Services);
    }

    [Theory]
    [InlineData(FollowUpStatus.New, "sekretariat", "task-comment-send|task-to-triage")]
    [InlineData(FollowUpStatus.New, "admin", "task-comment-send|task-to-triage")]
    [InlineData(FollowUpStatus.New, "peninjau", "task-comment-send")]
    [InlineData(FollowUpStatus.New, "pimpinan", "")]
    [InlineData(FollowUpStatus.Assigned, "pelaksana", "task-start|task-done|task-handback|task-comment-send|photos-After")]
    [InlineData(FollowUpStatus.Assigned, "sekretariat", "task-comment-send")]
    [InlineData(FollowUpStatus.Assigned, "peninjau", "task-comment-send")]
    [InlineData(FollowUpStatus.Assigned, "pimpinan", "")]
    [InlineData(FollowUpStatus.InProgress, "pelaksana", "task-done|task-handback|task-comment-send|photos-After")]
    [InlineData(FollowUpStatus.HandedBack, "sekretariat", "task-comment-send|task-to-triage")]
    [InlineData(FollowUpStatus.HandedBack, "pelaksana", "task-comment-send")]
    [InlineData(FollowUpStatus.Done, "peninjau", "verify|verify-reject|task-comment-send|photos-Verification")]
    [InlineData(FollowUpStatus.Done, "sekretariat", "verify|verify-reject|task-comment-send|photos-Verification")]
    [InlineData(FollowUpStatus.Done, "admin", "verify|verify-reject|task-comment-send|photos-Verification")]
    [InlineData(FollowUpStatus.Done, "pelaksana", "task-comment-send")]
    [InlineData(FollowUpStatus.Done, "pimpinan", "")]
    public async Task OffersEachRoleExactlyTheActionsItMayTakeNow(FollowUpStatus status, string user, string expected)
    {
        await BringTaskToAsync(status);

        var page = Open(Actors[user]);

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), Offered(page));
    }

    [Fact]
    public async Task LeadershipSeesTheWholeTaskWithoutASingleButtonOrField()
    {
        await _scenario.AssignAsync();
        await _scenario.StartWorkAsync();
        await _scenario.AddPhotoAsync(TaskScenario.Repair, PhotoKind.After);
        await _scenario.MarkDoneAsync("Kompresor diganti");

        var page = Open(TaskScenario.Leadership);

        Assert.Equal(6, page.FindAll("[data-testid=timeline-entry]").Count);
        Assert.Single(page.FindAll("[data-testid=task-after] img[data-testid=photo-thumb]"));
        Assert.Empty(page.FindAll("button:not(.photo-open), input, textarea"));
        Assert.Empty(page.FindAll("[data-testid=task-verification], [data-testid=task-work], [data-testid=task-comment-form]"));
    }

    [Fact]
    public async Task ShowsTheFindingAgainstItsStandardWithTheBeforeAndAfterPhotosSideBySide()
    {
        await _scenario.AssignAsync();
        var after = await _scenario.AddPhotoAsync(TaskScenario.Repair, PhotoKind.After);

        var page = Open(TaskScenario.Secretariat);

        Assert.Equal("Suhu ruang kerja", page.Find("h1").TextContent.Trim());
        Assert.Equal("Suhu ruang kerja: 31 °C", page.Find("[data-testid=finding-item]").TextContent.Trim());
        Assert.Equal("Standar 23–26 °C (Permenkes 48/2016)", page.Find("[data-testid=finding-standard]").TextContent.Trim());
        Assert.StartsWith(_scenario.RoomName + " · Lantai ", page.Find("[data-testid=task-place]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"/visits/{_scenario.VisitId}", page.Find("[data-testid=finding-visit-link]").GetAttribute("href"));
        Assert.Equal(
            [$"/photos/{_scenario.BeforePhotoId}/thumb"],
            page.FindAll("[data-testid=task-before] img[data-testid=photo-thumb]").Select(i => i.GetAttribute("src")));
        Assert.Equal(
            [$"/photos/{after.Id}/thumb"],
            page.FindAll("[data-testid=task-after] img[data-testid=photo-thumb]").Select(i => i.GetAttribute("src")));
        // Two columns from the md breakpoint (a tablet in landscape), one above the other below it (portrait, 800 px).
        foreach (var column in new[] { page.Find("[data-testid=task-before]"), page.Find("[data-testid=task-after]") })
        {
            Assert.Contains("mud-grid-item-xs-12", column.ClassList);
            Assert.Contains("mud-grid-item-md-6", column.ClassList);
        }

        Assert.Equal("Nama pelaksana", page.Find("[data-testid=task-assignee]").TextContent.Trim());
        Assert.Equal("Tinggi", page.Find("[data-testid=task-priority]").TextContent.Trim());
        Assert.Equal("27 November 2026", page.Find("[data-testid=task-due]").TextContent.Trim());
    }

    [Fact]
    public async Task ARepairUnitSeesTheVisitDateWithoutALinkToAVisitItMayNotOpen()
    {
        await _scenario.AssignAsync();

        var page = Open(TaskScenario.Repair);

        Assert.Empty(page.FindAll("[data-testid=finding-visit-link]"));
        Assert.Equal("Ditemukan pada kunjungan 20 November 2026", page.Find("[data-testid=finding-visit]").TextContent.Trim());
    }

    [Fact]
    public async Task AnOverdueTaskSaysSoInWordsNotOnlyInColour()
    {
        await _scenario.AssignAsync();
        _scenario.Clock.Advance(TimeSpan.FromDays(8));

        var page = Open(TaskScenario.Secretariat);

        var due = page.Find("[data-testid=task-due]");
        Assert.Equal("(terlambat 1 hari)", page.Find("[data-testid=task-overdue]").TextContent.Trim());
        Assert.Contains("task-overdue", due.ClassList);
        Assert.Single(due.QuerySelectorAll("svg"));
    }

    [Fact]
    public async Task TellsTheWholeStoryInOrderWithWhoAndWhenInWib()
    {
        await _scenario.AssignAsync();
        await _scenario.StartWorkAsync();
        await _scenario.AddPhotoAsync(TaskScenario.Repair, PhotoKind.After);
        await _scenario.CommentAsync(TaskScenario.Repair, "Menunggu suku cadang");
        await _scenario.MarkDoneAsync("Kompresor diganti");

        var page = Open(TaskScenario.Secretariat);

        var entries = page.FindAll("[data-testid=timeline-entry]")
            .Select(e => string.Join(" | ", e.Children.Where(c => c.GetAttribute("data-testid") is not "timeline-photo").Select(c => c.TextContent.Trim()).Where(t => t.Length > 0)))
            .ToList();
        Assert.Equal(
            [
                "20 Nov 2026 09.10 WIB | Temuan dicatat | Suhu ruang kerja: 31 °C (standar 23–26 °C) — AC mati",
                "20 Nov 2026 09.10 WIB | Draf tugas dibuat dari kunjungan | oleh Nama peninjau",
                "20 Nov 2026 09.20 WIB | Ditugaskan | oleh Nama sekretariat | Draf, menunggu triase → Ditugaskan",
                "20 Nov 2026 09.30 WIB | Mulai dikerjakan | oleh Nama pelaksana | Ditugaskan → Dikerjakan",
                "20 Nov 2026 09.40 WIB | Foto sesudah perbaikan ditambahkan | oleh Nama pelaksana",
                "20 Nov 2026 09.50 WIB | Komentar | oleh Nama pelaksana | Menunggu suku cadang",
                "20 Nov 2026 10.00 WIB | Ditandai selesai | oleh Nama pelaksana | Dikerjakan → Selesai, menunggu verifikasi | Kompresor diganti",
            ],
            entries);
    }

    [Fact]
    public async Task TheRepairUnitStartsWorkAddsAnAfterPhotoAndMarksTheTaskDoneWithANote()
    {
        await _scenario.AssignAsync();
        var page = Open(TaskScenario.Repair);

        await page.Find("button[data-testid=task-start]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=task-start]")), Loading);
        Assert.Equal(FollowUpStatus.InProgress, await _scenario.StoredStatusAsync());

        AfterPhotoStrip(page).FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Jpeg(640, 480), "sesudah.jpg", contentType: "image/jpeg"));
        page.WaitForAssertion(() => Assert.Contains("Foto sesudah perbaikan ditambahkan", Whats(page)), Loading);
        Assert.Single(page.FindAll("[data-testid=task-after] img[data-testid=photo-thumb]"));

        page.Find("textarea[data-testid=task-done-note]").Change("Kompresor AC diganti");
        _scenario.Clock.Advance(TimeSpan.FromMinutes(30));
        await page.Find("button[data-testid=task-done]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Ditandai selesai", Whats(page)[^1]), Loading);
        Assert.Equal("Kompresor AC diganti", page.FindAll("[data-testid=timeline-note]")[^1].TextContent.Trim());
        Assert.Equal(FollowUpStatus.Done, await _scenario.StoredStatusAsync());
        Assert.Equal("task-comment-send", Assert.Single(Offered(page)));
    }

    [Fact]
    public async Task HandingBackNeedsAReasonAndAnExplanation()
    {
        await _scenario.AssignAsync();
        var page = Open(TaskScenario.Repair);

        page.Find("textarea[data-testid=task-handback-note]").Change("Perlu pengadaan unit AC baru");
        await page.Find("button[data-testid=task-handback]").ClickAsync(new());
        Assert.Equal("Pilih alasan pengembalian.", page.Find("[data-testid=task-work-error]").TextContent.Trim());

        page.Find("input[data-testid=task-handback-NeedsBudget]").Click();
        page.Find("textarea[data-testid=task-handback-note]").Change(" ");
        await page.Find("button[data-testid=task-handback]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Alasan wajib diisi (paling banyak 1.000 karakter).", page.Find("[data-testid=task-work-error]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.Assigned, await _scenario.StoredStatusAsync());

        page.Find("textarea[data-testid=task-handback-note]").Change("Perlu pengadaan unit AC baru");
        await page.Find("button[data-testid=task-handback]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Dikembalikan ke sekretariat", Whats(page)[^1]), Loading);
        Assert.Equal(FollowUpStatus.HandedBack, await _scenario.StoredStatusAsync());
        Assert.Equal("Alasan: Perlu anggaran", page.FindAll("[data-testid=timeline-reason]")[^1].TextContent.Trim());
        Assert.Equal("Perlu pengadaan unit AC baru", page.FindAll("[data-testid=timeline-note]")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task TheSecretariatSeesWhyATaskCameBackAndIsLedToTheTriageQueue()
    {
        await _scenario.AssignAsync();
        await _scenario.HandBackAsync(HandBackReason.NeedsBudget, "Perlu pengadaan unit AC baru");

        var page = Open(TaskScenario.Secretariat);

        Assert.Equal("Dikembalikan oleh unit: Perlu anggaran — Perlu pengadaan unit AC baru", page.Find("[data-testid=task-handed-back]").TextContent.Trim());
        Assert.Equal("/follow-ups", page.Find("[data-testid=task-to-triage]").GetAttribute("href"));
    }

    [Fact]
    public async Task AChangeMeetingSomeoneElsesShowsTheCurrentTaskAndKeepsWhatWasTyped()
    {
        await _scenario.AssignAsync();
        var page = Open(TaskScenario.Repair);
        page.Find("textarea[data-testid=task-done-note]").Change("Kompresor AC diganti");

        await _scenario.ReassignAsync();
        await page.Find("button[data-testid=task-done]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("baru saja diubah oleh orang lain", page.Find("[data-testid=task-conflict]").TextContent, StringComparison.Ordinal), Loading);
        Assert.Contains("(status: Ditugaskan)", page.Find("[data-testid=task-conflict]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Yang Anda tulis (belum terkirim): «Kompresor AC diganti»", page.Find("[data-testid=task-conflict-unsent]").TextContent.Trim());
        Assert.Equal("Kompresor AC diganti", page.Find("textarea[data-testid=task-done-note]").GetAttribute("value"));
        Assert.Equal("Mendesak", page.Find("[data-testid=task-priority]").TextContent.Trim());
        Assert.Equal(FollowUpStatus.Assigned, await _scenario.StoredStatusAsync());

        // Having seen the task as it is now, the unit sends its note again: on the current version it goes through.
        await page.Find("button[data-testid=task-done]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=task-conflict]")), Loading);
        Assert.Equal(FollowUpStatus.Done, await _scenario.StoredStatusAsync());
        Assert.Equal("Kompresor AC diganti", page.FindAll("[data-testid=timeline-note]")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task VerifyingWithoutAPhotoIsRefusedWithTheReasonAndTheTaskStaysDone()
    {
        await DoneAsync();
        var page = Open(TaskScenario.Inspector);

        page.Find("textarea[data-testid=verify-note]").Change("Sudah sejuk");
        await page.Find("button[data-testid=verify]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Tambahkan foto hasil perbaikan yang Anda lihat sebelum memverifikasi.", page.Find("[data-testid=verify-error]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.Done, await _scenario.StoredStatusAsync());
        Assert.Equal("Sudah sejuk", page.Find("textarea[data-testid=verify-note]").GetAttribute("value"));
    }

    [Fact]
    public async Task AnInspectorVerifiesWithAPhotoTakenNowAndTheTaskCloses()
    {
        await DoneAsync();
        var page = Open(TaskScenario.Inspector);

        page.FindComponents<TaskPhotoStrip>().Single(s => s.Instance.Kind == PhotoKind.Verification).FindComponent<InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary(TestImages.Jpeg(640, 480), "verifikasi.jpg", contentType: "image/jpeg"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=photos-Verification] img[data-testid=photo-thumb]")), Loading);
        page.Find("textarea[data-testid=verify-note]").Change("Sudah sejuk, 25 °C");
        _scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        await page.Find("button[data-testid=verify]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Perbaikan diverifikasi", Whats(page)[^1]), Loading);
        Assert.Equal(FollowUpStatus.Verified, await _scenario.StoredStatusAsync());
        Assert.Empty(page.FindAll("[data-testid=task-verification]"));
        Assert.Single(page.FindAll("[data-testid=photos-Verification] img[data-testid=photo-thumb]"));
    }

    [Fact]
    public async Task RejectingNeedsAReasonAndReopensTheTaskForTheUnit()
    {
        await DoneAsync();
        var page = Open(TaskScenario.Inspector);

        await page.Find("button[data-testid=verify-reject]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Alasan wajib diisi (paling banyak 1.000 karakter).", page.Find("[data-testid=verify-error]").TextContent.Trim()), Loading);
        Assert.Equal(FollowUpStatus.Done, await _scenario.StoredStatusAsync());

        page.Find("textarea[data-testid=verify-reject-reason]").Change("Masih 29 °C");
        await page.Find("button[data-testid=verify-reject]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Verifikasi ditolak", Whats(page)[^1]), Loading);
        Assert.Equal(FollowUpStatus.InProgress, await _scenario.StoredStatusAsync());
        Assert.Equal("Masih 29 °C", page.FindAll("[data-testid=timeline-note]")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task ACommentJoinsTheTimelineAndClearsItsField()
    {
        await _scenario.AssignAsync();
        var page = Open(TaskScenario.Inspector);

        page.Find("textarea[data-testid=task-comment]").Change("Mohon dicek juga AC ruang sebelah");
        await page.Find("button[data-testid=task-comment-send]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Komentar", Whats(page)[^1]), Loading);
        Assert.Equal("Mohon dicek juga AC ruang sebelah", page.FindAll("[data-testid=timeline-note]")[^1].TextContent.Trim());
        Assert.Null(page.Find("textarea[data-testid=task-comment]").GetAttribute("value"));
    }

    [Fact]
    public async Task ARepairUnitOpeningAnotherUnitsTaskIsToldItHasNoAccess()
    {
        await _scenario.AssignAsync();

        var page = Render(TaskScenario.OtherRepair);

        page.WaitForElement("[data-testid=no-access]", Loading);
        Assert.Empty(page.FindAll("[data-testid=task-facts]"));
    }

    [Fact]
    public void ATaskThatDoesNotExistIsReportedAsNotFound()
    {
        TaskScenario.SignIn(this, TaskScenario.Secretariat);

        var page = Render<TaskPage>(p => p.Add(t => t.TaskId, Guid.CreateVersion7()));

        page.WaitForAssertion(() => Assert.Equal("Tugas tindak lanjut tidak ditemukan.", page.Find("[data-testid=error]").TextContent.Trim()), Loading);
        Assert.Empty(page.FindAll("h1"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scenario.DisposeAsync();
    }

    private static List<string> Offered(IRenderedComponent<TaskPage> page) =>
        [
            .. Controls.Where(id => page.FindAll($"button[data-testid={id}], a[data-testid={id}]").Count > 0),
            .. PhotoStages.Where(id => page.FindAll($"[data-testid={id}] input[type=file]").Count > 0),
        ];

    private static List<string> Whats(IRenderedComponent<TaskPage> page) =>
        [.. page.FindAll("[data-testid=timeline-what]").Select(w => w.TextContent.Trim())];

    private static IRenderedComponent<TaskPhotoStrip> AfterPhotoStrip(IRenderedComponent<TaskPage> page) =>
        page.FindComponents<TaskPhotoStrip>().Single(s => s.Instance.Kind == PhotoKind.After);

    private IRenderedComponent<TaskPage> Render(Actor actor)
    {
        TaskScenario.SignIn(this, actor);
        return Render<TaskPage>(p => p.Add(t => t.TaskId, _scenario.TaskId));
    }

    private IRenderedComponent<TaskPage> Open(Actor actor)
    {
        var page = Render(actor);
        page.WaitForElement("[data-testid=timeline]", Loading);
        return page;
    }

    private async Task DoneAsync()
    {
        await _scenario.AssignAsync();
        await _scenario.StartWorkAsync();
        await _scenario.MarkDoneAsync("Kompresor diganti");
    }

    private async Task BringTaskToAsync(FollowUpStatus status)
    {
        if (status == FollowUpStatus.New)
        {
            return;
        }

        await _scenario.AssignAsync();
        switch (status)
        {
            case FollowUpStatus.InProgress:
                await _scenario.StartWorkAsync();
                break;
            case FollowUpStatus.HandedBack:
                await _scenario.HandBackAsync(HandBackReason.NotOurs, "Ini tugas OPD sendiri");
                break;
            case FollowUpStatus.Done:
                await _scenario.StartWorkAsync();
                await _scenario.MarkDoneAsync();
                break;
        }
    }
}

using System.Security.Claims;
using AngleSharp.Dom;
using BalaiKota.Core.Domain;
using BalaiKota.Testing;
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
/// The task list of /follow-ups on the real follow-up service and a throw-away database (see <see cref="FollowUpsPageWorld"/>),
/// today being Friday 20 November 2026. Five tasks, found on different days, listed newest first unless a test says otherwise:
/// <list type="bullet">
/// <item>"Kursi rusak" — found 1 day ago in Disdukcapil's head's office (annex), assigned, medium, comfort, Disdukcapil's unit, due Sunday 22 Nov;</item>
/// <item>"Lantai licin" — 3 days ago in Bappelitbang's meeting room (main building), done, critical, safety, Disdukcapil's unit, due 10 Nov;</item>
/// <item>"Wastafel tersumbat" — 5 days ago in Disdukcapil's men's toilet (annex), a draft, low, toilets, proposed due 4 Dec;</item>
/// <item>"AC mati di ruang rapat" — 8 days ago in Bappelitbang's meeting room, in progress, medium, heat, technical unit, due 17 Nov (3 days overdue);</item>
/// <item>"Plafon bocor" — 10 days ago in Disdukcapil's staff office (annex), assigned to "pelaksana", high, safety, technical unit, due 27 Nov.</item>
/// </list>
/// </summary>
public sealed class FollowUpsPageTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private W _world = default!;
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;
    private Dictionary<string, string> _ids = [];

    public async ValueTask InitializeAsync()
    {
        _world = await W.CreateAsync();
        _world.Register(Services);
        await _world.AddTaskAsync("Lantai licin", room: "Ruang Rapat Bappelitbang", status: FollowUpStatus.Done, severity: Severity.Critical, area: InspectionArea.Safety, unitId: _world.OpdUnitId, due: W.Today.AddDays(-10), foundDaysAgo: 3);
        await _world.AddTaskAsync("AC mati di ruang rapat", room: "Ruang Rapat Bappelitbang", status: FollowUpStatus.InProgress, severity: Severity.Medium, area: InspectionArea.Heat, due: W.Today.AddDays(-3), foundDaysAgo: 8);
        await _world.AddTaskAsync("Kursi rusak", room: "Ruang Kepala Disdukcapil", status: FollowUpStatus.Assigned, severity: Severity.Medium, area: InspectionArea.Comfort, unitId: _world.OpdUnitId, due: W.Today.AddDays(2), foundDaysAgo: 1);
        await _world.AddTaskAsync("Plafon bocor", status: FollowUpStatus.Assigned, severity: Severity.High, area: InspectionArea.Safety, assignee: W.Repairer, due: W.Today.AddDays(7), foundDaysAgo: 10);
        await _world.AddTaskAsync("Wastafel tersumbat", room: "Toilet Pria Disdukcapil", severity: Severity.Low, area: InspectionArea.Toilets, due: W.Today.AddDays(14), foundDaysAgo: 5);

        await using var db = _world.Database.CreateDbContext();
        _ids = new Dictionary<string, string>
        {
            ["{disdukcapil}"] = (await db.Opds.SingleAsync(o => o.ShortName == "Disdukcapil")).Id.ToString(),
            ["{main}"] = (await db.Buildings.SingleAsync(b => b.Name == "Gedung Balai Kota Utama (contoh)")).Id.ToString(),
            ["{opdUnit}"] = _world.OpdUnitId.ToString(),
            ["{technicalUnit}"] = _world.TechnicalUnitId.ToString(),
        };
    }

    [Theory]
    [InlineData("", "Kursi rusak|Lantai licin|Wastafel tersumbat|AC mati di ruang rapat|Plafon bocor")]
    [InlineData("?opd={disdukcapil}", "Kursi rusak|Wastafel tersumbat|Plafon bocor")]
    [InlineData("?building={main}", "Lantai licin|AC mati di ruang rapat")]
    [InlineData("?area=Safety", "Lantai licin|Plafon bocor")]
    [InlineData("?severity=High", "Plafon bocor")]
    [InlineData("?status=InProgress", "AC mati di ruang rapat")]
    [InlineData("?unit={opdUnit}", "Kursi rusak|Lantai licin")]
    [InlineData("?assignee=pelaksana", "Plafon bocor")]
    [InlineData("?overdue=true", "AC mati di ruang rapat")]
    [InlineData("?week=true", "Kursi rusak|AC mati di ruang rapat")]
    [InlineData("?open=true&sort=DueDate", "AC mati di ruang rapat|Kursi rusak|Plafon bocor|Wastafel tersumbat")]
    [InlineData("?q=RAPAT", "Lantai licin|AC mati di ruang rapat")]
    [InlineData("?opened=2026-11&severity=High", "Plafon bocor")]
    [InlineData("?opened=2026-Q4&area=Safety", "Lantai licin|Plafon bocor")]
    [InlineData("?opened=2026&unclosed=true&status=Done", "Lantai licin")]
    [InlineData("?sort=DueDate", "Lantai licin|AC mati di ruang rapat|Kursi rusak|Plafon bocor|Wastafel tersumbat")]
    [InlineData("?sort=SeverityDesc", "Lantai licin|Plafon bocor|AC mati di ruang rapat|Kursi rusak|Wastafel tersumbat")]
    [InlineData("?sort=OldestFirst", "Plafon bocor|AC mati di ruang rapat|Wastafel tersumbat|Lantai licin|Kursi rusak")]
    [InlineData("?opd={disdukcapil}&severity=Medium&unit={opdUnit}", "Kursi rusak")]
    public void ShowsTheTasksTheFiltersInTheAddressAskFor(string query, string expected)
    {
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt("/follow-ups" + Resolve(query));

        page.WaitForAssertion(() => Assert.Equal(expected.Split('|'), Descriptions(page)), Loading);
        Assert.Empty(page.FindAll("[data-testid=query-notice]"));
    }

    [Fact]
    public async Task ListsEachTaskWithWhereWhatAndWhoAndLinksToItsPage()
    {
        var id = await _world.AddTaskAsync("Jendela macet", status: FollowUpStatus.Assigned, severity: Severity.High, assignee: W.OtherRepairer, due: new DateOnly(2026, 11, 24));
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt("/follow-ups?q=jendela");

        var row = page.WaitForElement("[data-testid=task-row]", Loading);
        Assert.Equal($"/follow-ups/{id}", row.QuerySelector("[data-testid=task-link]")!.GetAttribute("href"));
        Assert.Equal("Jendela macet", Text(row, "task-link"));
        Assert.Equal("Ruang Kerja Staf Disdukcapil · Lantai 1 · Gedung Pelayanan Terpadu (contoh) · Dinas Kependudukan dan Pencatatan Sipil", Text(row, "task-place"));
        Assert.Equal($"{W.TechnicalUnitName} · Nama pelaksana2", Text(row, "task-unit"));
        Assert.Equal("Tenggat 24 Nov 2026", Text(row, "task-due"));
        Assert.Equal("Ditugaskan", Text(row, "task-status"));
        Assert.Equal("Tinggi", Text(row, "severity"));
    }

    [Fact]
    public void TheControlsShowTheFiltersTheAddressGave()
    {
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt(Resolve("/follow-ups?q=rapat&severity=Medium&unit={technicalUnit}&overdue=true&sort=OldestFirst"));

        page.WaitForElement("[data-testid=task-row]", Loading);
        Assert.Equal("rapat", page.Find("input[data-testid=filter-search]").GetAttribute("value"));
        Assert.Equal("Sedang", page.Find("input[data-testid=filter-severity]").GetAttribute("value"));
        Assert.Equal(W.TechnicalUnitName, page.Find("input[data-testid=filter-unit]").GetAttribute("value"));
        Assert.Equal("Terlama", page.Find("input[data-testid=filter-sort]").GetAttribute("value"));
        Assert.Equal("true", page.Find("[data-testid=filter-overdue]").GetAttribute("aria-pressed"));
        Assert.Equal("false", page.Find("[data-testid=filter-week]").GetAttribute("aria-pressed"));
        Assert.Equal(string.Empty, page.Find("input[data-testid=filter-opd]").GetAttribute("value"));
        Assert.Equal("Filter lainnya (2)", page.Find("[data-testid=filter-more]").TextContent.Trim());
        Assert.Equal("true", page.Find("[data-testid=filter-more]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void ChoosingAFilterWritesItIntoTheAddressBackOnPageOneAndDropsWhatWasNotUnderstood()
    {
        SignIn(W.Secretariat, Roles.Secretariat);
        var page = RenderAt("/follow-ups?page=2&sort=SeverityDesc&status=Bogus");
        page.WaitForElement("[data-testid=task-row]", Loading);

        page.Find("input[data-testid=filter-search]").Change("rapat");

        Assert.Equal("http://localhost/follow-ups?sort=SeverityDesc&q=rapat", Address());
        page.WaitForAssertion(() => Assert.Equal(["Lantai licin", "AC mati di ruang rapat"], Descriptions(page)), Loading);
        Assert.Empty(page.FindAll("[data-testid=query-notice]"));
    }

    [Fact]
    public void ASecondFilterChosenBeforeTheAddressOfTheFirstCameBackKeepsTheFirst()
    {
        SignIn(W.Secretariat, Roles.Secretariat);
        var browser = new UnansweredNavigationManager("/follow-ups");
        Services.AddSingleton<NavigationManager>(browser);
        var page = RenderAt("/follow-ups");
        page.WaitForElement("[data-testid=task-row]", Loading);

        page.Find("input[data-testid=filter-search]").Change("rapat");
        page.Find("button[data-testid=filter-overdue]").Click();

        Assert.Equal("http://localhost/follow-ups?overdue=true&q=rapat", browser.Requested[^1]);
    }

    [Fact]
    public void ChoosingAUnitAPersonAndTheOverdueSwitchNarrowsTheListStepByStep()
    {
        SignIn(W.Secretariat, Roles.Secretariat);
        var page = RenderAt("/follow-ups");
        page.WaitForElement("[data-testid=task-row]", Loading);
        Assert.Empty(page.FindAll("[data-testid=filter-unit]"));
        page.Find("button[data-testid=filter-more]").Click();

        Choose(page, "filter-unit", W.TechnicalUnitName);
        Assert.Equal($"http://localhost/follow-ups?unit={_world.TechnicalUnitId}", Address());
        page.WaitForAssertion(() => Assert.Equal(["AC mati di ruang rapat", "Plafon bocor"], Descriptions(page)), Loading);

        Choose(page, "filter-assignee", "Nama pelaksana");
        Assert.Equal($"http://localhost/follow-ups?unit={_world.TechnicalUnitId}&assignee=pelaksana", Address());
        page.WaitForAssertion(() => Assert.Equal(["Plafon bocor"], Descriptions(page)), Loading);

        page.Find("button[data-testid=filter-overdue]").Click();
        Assert.Equal($"http://localhost/follow-ups?unit={_world.TechnicalUnitId}&assignee=pelaksana&overdue=true", Address());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=no-tasks]")), Loading);

        page.Find("button[data-testid=filter-clear]").Click();
        Assert.Equal("http://localhost/follow-ups", Address());
        page.WaitForAssertion(() => Assert.Equal(5, Descriptions(page).Count), Loading);
    }

    [Fact]
    public void CountsTheTasksPerStatusUnderTheOtherFiltersAndChoosingACountFiltersByItsStatus()
    {
        SignIn(W.Secretariat, Roles.Secretariat);
        var page = RenderAt(Resolve("/follow-ups?opd={disdukcapil}"));
        page.WaitForElement("[data-testid=task-row]", Loading);
        Assert.Equal(["All 3", "New 1", "Assigned 2"], Counts(page));

        page.Find("button[data-testid=status-count-Assigned]").Click();

        Assert.Equal(Resolve("http://localhost/follow-ups?opd={disdukcapil}&status=Assigned"), Address());
        page.WaitForAssertion(() => Assert.Equal(["Kursi rusak", "Plafon bocor"], Descriptions(page)), Loading);
        Assert.Equal(["All 3", "New 1", "Assigned 2"], Counts(page));
        Assert.Equal("true", page.Find("[data-testid=status-count-Assigned]").GetAttribute("aria-pressed"));
        Assert.Equal("false", page.Find("[data-testid=status-count-All]").GetAttribute("aria-pressed"));
        Assert.Equal("Halaman 1 dari 1 · 2 tugas", page.Find("[data-testid=page-info]").TextContent.Trim());

        page.Find("button[data-testid=status-count-All]").Click();
        Assert.Equal(Resolve("http://localhost/follow-ups?opd={disdukcapil}"), Address());
    }

    [Fact]
    public async Task AnOverdueTaskStandsOutInColourAndInWordsWithTheDaysItIsLate()
    {
        await _world.AddTaskAsync("Lampu mati", status: FollowUpStatus.HandedBack, due: W.Today.AddDays(-1));
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt("/follow-ups");

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-testid=task-row]").Count), Loading);
        var rows = page.FindAll("[data-testid=task-row]").ToDictionary(r => Text(r, "task-link"));
        Assert.Equal(["AC mati di ruang rapat", "Lampu mati"], rows.Where(r => r.Value.GetAttribute("data-overdue") == "true").Select(r => r.Key).Order());
        Assert.Equal("Terlambat 3 hari", Text(rows["AC mati di ruang rapat"], "overdue"));
        Assert.Equal("Terlambat 1 hari", Text(rows["Lampu mati"], "overdue"));
        Assert.Contains("border-left", rows["AC mati di ruang rapat"].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-error", rows["AC mati di ruang rapat"].QuerySelector("[data-testid=task-status]")!.ClassName, StringComparison.Ordinal);

        // Done ten days after its due date: late, but waiting for verification, not for the unit.
        Assert.Null(rows["Lantai licin"].QuerySelector("[data-testid=overdue]"));
        Assert.DoesNotContain("border-left", rows["Lantai licin"].GetAttribute("style") ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(rows["Kursi rusak"].QuerySelector("[data-testid=overdue]"));
    }

    [Fact]
    public async Task PagesThroughTheListTwentyFiveTasksAtATimeWithThePageInTheAddress()
    {
        for (var i = 1; i <= 26; i++)
        {
            await _world.AddTaskAsync($"Stopkontak longgar {i:00}", due: W.Today.AddDays(30 + i));
        }

        SignIn(W.Secretariat, Roles.Secretariat);
        var page = RenderAt("/follow-ups?sort=DueDate");
        page.WaitForElement("[data-testid=task-row]", Loading);
        Assert.Equal(25, page.FindAll("[data-testid=task-row]").Count);
        Assert.Equal("Halaman 1 dari 2 · 31 tugas", page.Find("[data-testid=page-info]").TextContent.Trim());
        Assert.True(page.Find("button[data-testid=page-prev]").HasAttribute("disabled"));

        page.Find("button[data-testid=page-next]").Click();

        Assert.Equal("http://localhost/follow-ups?sort=DueDate&page=2", Address());
        page.WaitForAssertion(() => Assert.Equal(["Stopkontak longgar 21", "Stopkontak longgar 22", "Stopkontak longgar 23", "Stopkontak longgar 24", "Stopkontak longgar 25", "Stopkontak longgar 26"], Descriptions(page)), Loading);
        Assert.Equal("Halaman 2 dari 2 · 31 tugas", page.Find("[data-testid=page-info]").TextContent.Trim());
        Assert.True(page.Find("button[data-testid=page-next]").HasAttribute("disabled"));

        page.Find("button[data-testid=page-prev]").Click();
        Assert.Equal("http://localhost/follow-ups?sort=DueDate", Address());
    }

    [Fact]
    public void AnAddressItDoesNotUnderstandIsIgnoredWithAGentleNoticeAndTheWholeListShows()
    {
        var stranger = Guid.NewGuid();
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt($"/follow-ups?status=Bogus&page=abc&opd={stranger}&severity=3&sort=Oldest&assignee=nobody&overdue=ya&building=x");

        page.WaitForAssertion(() => Assert.Equal(5, Descriptions(page).Count), Loading);
        Assert.Equal(
            $"Sebagian isi alamat halaman tidak dikenali dan diabaikan: assignee=nobody, opd={stranger}, building=x, severity=3, status=Bogus, overdue=ya, sort=Oldest, page=abc.",
            page.Find("[data-testid=query-notice]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=error]"));
    }

    [Fact]
    public void ARepairUnitSeesOnlyItsOwnUnitsTasksAndNothingOfTheTriage()
    {
        SignIn(W.Repairer, Roles.RepairUnit);

        var page = RenderAt("/follow-ups?view=queue");

        page.WaitForAssertion(() => Assert.Equal(["AC mati di ruang rapat", "Plafon bocor"], Descriptions(page)), Loading);
        Assert.Empty(page.FindAll("[data-testid=view-queue]"));
        Assert.Empty(page.FindAll("[data-testid=filter-unit]"));
        Assert.Empty(page.FindAll("[data-testid=triage-accept]"));
        Assert.Equal("Sebagian isi alamat halaman tidak dikenali dan diabaikan: view=queue.", page.Find("[data-testid=query-notice]").TextContent.Trim());
    }

    [Fact]
    public async Task ARepairUnitMemberNotPlacedInAUnitYetIsToldPlainlyAndSeesNoTasks()
    {
        await using (var db = _world.Database.CreateDbContext())
        {
            TestUsers.Add(db, Roles.RepairUnit, "pelaksana-baru");
            await db.SaveChangesAsync();
        }

        SignIn("pelaksana-baru", Roles.RepairUnit);

        var page = RenderAt("/follow-ups");

        page.WaitForAssertion(() => Assert.Equal("Anda tidak berhak membuka tindak lanjut.", page.Find("[data-testid=error]").TextContent.Trim()), Loading);
        Assert.Empty(page.FindAll("[data-testid=task-row]"));
        Assert.Empty(page.FindAll("[data-testid=filters]"));
    }

    [Fact]
    public void OffersTheListsFilterAsCsvAndXlsxDownloadsOfEveryPage()
    {
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt(Resolve("/follow-ups?opd={disdukcapil}&severity=Medium&sort=DueDate&page=2"));

        page.WaitForAssertion(() => Assert.Equal(["Kursi rusak"], Descriptions(page)), Loading);
        page.Find("[data-testid=export-menu] button").Click();
        var csv = _popovers.WaitForElement("a[data-testid=export-csv]", Loading);
        Assert.Equal(Resolve("http://localhost/exports/follow-ups.csv?opd={disdukcapil}&severity=Medium&sort=DueDate"), csv.GetAttribute("href"));
        Assert.True(csv.HasAttribute("download"));
        Assert.Equal(Resolve("http://localhost/exports/follow-ups.xlsx?opd={disdukcapil}&severity=Medium&sort=DueDate"), _popovers.Find("a[data-testid=export-xlsx]").GetAttribute("href"));
    }

    [Fact]
    public void AnOpdsOwnMaintenanceSeesOnlyTheTasksAssignedToIt()
    {
        SignIn(W.OpdRepairer, Roles.RepairUnit);

        var page = RenderAt("/follow-ups");

        page.WaitForAssertion(() => Assert.Equal(["Kursi rusak", "Lantai licin"], Descriptions(page)), Loading);
    }

    [Theory]
    [InlineData(W.Leadership, Roles.Leadership, "Akses Anda: hanya melihat, tanpa mengubah.")]
    [InlineData(W.Inspector, Roles.Inspector, "Akses Anda: memverifikasi perbaikan yang sudah selesai.")]
    public void LeadershipAndInspectorsReadTheWholeListButNeverTheQueue(string userId, string role, string access)
    {
        SignIn(userId, role);

        var page = RenderAt("/follow-ups?view=queue");

        page.WaitForAssertion(() => Assert.Equal(5, Descriptions(page).Count), Loading);
        Assert.Empty(page.FindAll("[data-testid=view-queue]"));
        Assert.Empty(page.FindAll("[data-testid=triage-item]"));
        Assert.Empty(page.FindAll("button[data-testid=triage-accept]"));
        Assert.Equal("Sebagian isi alamat halaman tidak dikenali dan diabaikan: view=queue.", page.Find("[data-testid=query-notice]").TextContent.Trim());
        Assert.Equal(access, page.Find("[data-testid=access-level]").TextContent.Trim());
    }

    [Theory]
    [InlineData(W.Secretariat, Roles.Secretariat)]
    [InlineData(W.Administrator, Roles.Administrator)]
    public void TheSecretariatAndAdministratorsSwitchBetweenTheListAndTheQueueKeepingTheFilters(string userId, string role)
    {
        SignIn(userId, role);
        var page = RenderAt("/follow-ups?severity=Low");
        page.WaitForElement("[data-testid=task-row]", Loading);

        Assert.Empty(page.FindAll("[data-testid=access-level]"));
        var toQueue = page.Find("[data-testid=view-queue]");
        Assert.Equal("Perlu dipilah (1)", toQueue.TextContent.Trim());
        Assert.Equal("http://localhost/follow-ups?severity=Low&view=queue", toQueue.GetAttribute("href"));
        Assert.Equal("page", page.Find("[data-testid=view-list]").GetAttribute("aria-current"));

        Services.GetRequiredService<NavigationManager>().NavigateTo(toQueue.GetAttribute("href")!);

        page.WaitForAssertion(() => Assert.Equal("Wastafel tersumbat", page.Find("[data-testid=triage-description]").TextContent.Trim()), Loading);
        Assert.Empty(page.FindAll("[data-testid=task-row]"));
        Assert.Equal("http://localhost/follow-ups?severity=Low", page.Find("[data-testid=view-list]").GetAttribute("href"));
    }

    [Fact]
    public void SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt("/follow-ups?overdue=true");

        page.WaitForElement("[data-testid=task-row]", Loading);
        Assert.Equal("3 days overdue", Text(page.Find("[data-testid=task-row]"), "overdue"));
        Assert.Equal("Page 1 of 1 · 1 tasks", page.Find("[data-testid=page-info]").TextContent.Trim());
        Assert.Equal("Overdue", page.Find("[data-testid=filter-overdue]").TextContent.Trim());
    }

    [Fact]
    public void OffersAnInspectorTheRepairsOfTheirOwnVisitsAndTheSecretariatNot()
    {
        SignIn(W.Inspector, Roles.Inspector);

        var page = RenderAt("/follow-ups?mine=true&status=Done");

        page.WaitForAssertion(() => Assert.Equal(["Lantai licin"], Descriptions(page)), Loading);
        Assert.Equal("true", page.Find("[data-testid=filter-mine]").GetAttribute("aria-pressed"));
        Assert.Equal("Dari kunjungan saya", page.Find("[data-testid=filter-mine]").TextContent.Trim());
    }

    [Fact]
    public void ShowsTheDashboardsPeriodFilterAsAChipThatTakesItAwayWhenClosed()
    {
        SignIn(W.Leadership, Roles.Leadership);

        var page = RenderAt("/follow-ups?found=2026-10&area=Heat");

        page.WaitForElement("[data-testid=no-tasks]", Loading);
        Assert.Equal("Temuan Oktober 2026", page.Find("[data-testid=chip-found]").TextContent.Trim());
        page.Find("[data-testid=chip-found] .mud-chip-close-button").Click();
        Assert.EndsWith("/follow-ups?area=Heat", Address(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheSecretariatNoFilterOnVisitsOfItsOwn()
    {
        SignIn(W.Secretariat, Roles.Secretariat);

        var page = RenderAt("/follow-ups");

        page.WaitForElement("[data-testid=filter-open]", Loading);
        Assert.Empty(page.FindAll("[data-testid=filter-mine]"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _world.DisposeAsync();
    }

    private static string Text(IElement element, string testId) =>
        element.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static List<string> Descriptions(IRenderedComponent<FollowUpsPage> page) =>
        page.FindAll("[data-testid=task-link]").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>The status counts as "Status count", with the status's enum name.</summary>
    private static List<string> Counts(IRenderedComponent<FollowUpsPage> page) =>
        page.FindAll("[data-testid^=status-count-]")
            .Select(b => $"{b.GetAttribute("data-testid")!["status-count-".Length..]} {b.QuerySelector("[data-testid=count]")!.TextContent.Trim()}")
            .ToList();

    private string Resolve(string text) => _ids.Aggregate(text, (t, id) => t.Replace(id.Key, id.Value, StringComparison.Ordinal));

    private string Address() => Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>Opens a select as a finger does and picks the option with this text from the popover.</summary>
    private void Choose(IRenderedComponent<FollowUpsPage> page, string testId, string option)
    {
        page.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        _popovers.WaitForElements(".mud-list-item", Loading).Single(i => i.TextContent.Trim() == option).Click();
    }

    private IRenderedComponent<FollowUpsPage> RenderAt(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        _popovers = Render<MudPopoverProvider>();
        return Render<FollowUpsPage>();
    }

    private void SignIn(string userId, string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{userId}@balaikota.test");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }
}

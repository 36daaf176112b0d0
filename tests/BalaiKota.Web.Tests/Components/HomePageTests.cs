using System.Security.Claims;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Features.Home;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Severity = BalaiKota.Core.Domain.Severity;
using W = BalaiKota.Web.Tests.Components.FollowUpsPageWorld;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The homes at / on the real visit and follow-up services and a throw-away database (see <see cref="FollowUpsPageWorld"/>),
/// today being Friday 20 November 2026, in the WIB week of Monday 16 to Sunday 22 November.
/// </summary>
public sealed class HomePageTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private W _world = default!;

    public async ValueTask InitializeAsync()
    {
        _world = await W.CreateAsync();
        _world.Register(Services);
        Services.AddSingleton(_world.Visits);
    }

    [Fact]
    public async Task ShowsTheInspectorTheVisitsPlannedThisWeekSoonestFirstAndThoseInProgress()
    {
        var friday = await PlanAsync(W.Today);
        var wednesday = await PlanAsync(new DateOnly(2026, 11, 18));
        await PlanAsync(new DateOnly(2026, 11, 23));
        await PlanAsync(new DateOnly(2026, 11, 15));
        var started = await PlanAsync(W.Today, startNow: true);
        SignIn(W.Inspector, Roles.Inspector);

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal([$"/visits/{wednesday}", $"/visits/{friday}"], Links(home, "home-week", "home-visit-link")), Loading);
        Assert.Contains("Rabu, 18 Nov 2026", home.Find("[data-testid=home-week] [data-testid=home-visit]").TextContent, StringComparison.Ordinal);
        Assert.Contains("16 Nov – 22 Nov 2026", home.Find("[data-testid=home-week]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2 kunjungan", home.Find("[data-testid=home-week] [data-testid=section-count]").TextContent.Trim());
        Assert.Equal([$"/visits/{started}"], Links(home, "home-in-progress", "home-visit-link"));
        Assert.Equal("/visits?status=Planned", Href(home, "home-week"));
        Assert.Equal("/visits?status=InProgress", Href(home, "home-in-progress"));
        Assert.Equal("Beranda", home.Find("h1").TextContent);
    }

    [Fact]
    public async Task ShowsTheInspectorTheRepairsOfTheirFindingsThatAreDoneAndWaitForVerification()
    {
        var slippery = await _world.AddTaskAsync("Lantai licin", status: FollowUpStatus.Done, severity: Severity.Critical, due: W.Today.AddDays(-2));
        var chair = await _world.AddTaskAsync("Kursi rusak", status: FollowUpStatus.Done, due: W.Today.AddDays(3));
        await _world.AddTaskAsync("Plafon bocor", status: FollowUpStatus.Assigned);
        await _world.AddTaskAsync("Pintu macet", status: FollowUpStatus.Verified);
        SignIn(W.Inspector, Roles.Inspector);

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal([$"/follow-ups/{slippery}", $"/follow-ups/{chair}"], Links(home, "home-verify", "home-task-link")), Loading);
        Assert.Equal("2 tugas", home.Find("[data-testid=home-verify] [data-testid=section-count]").TextContent.Trim());
        Assert.Empty(home.FindAll("[data-testid=home-verify] [data-testid=home-task-overdue]"));
        Assert.Equal("/follow-ups?status=Done&mine=true&sort=DueDate", Href(home, "home-verify"));
    }

    [Fact]
    public void TellsTheInspectorHonestlyWhenASectionHasNothing()
    {
        SignIn(W.Inspector, Roles.Inspector);

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal(3, home.FindAll("[data-testid=section-empty]").Count), Loading);
        Assert.Equal(
            ["Tidak ada kunjungan tim Anda yang direncanakan untuk minggu ini.", "Tidak ada kunjungan tim Anda yang sedang berjalan.", "Tidak ada perbaikan yang menunggu verifikasi Anda."],
            home.FindAll("[data-testid=section-empty]").Select(e => e.TextContent.Trim()));
        Assert.Empty(home.FindAll("[data-testid=section-count]"));
        Assert.Equal(3, home.FindAll("[data-testid=section-all]").Count);
    }

    [Fact]
    public async Task ShowsTheRepairUnitItsOpenTasksByDueDateTheOverdueFirstAndMarked()
    {
        var ceiling = await _world.AddTaskAsync("Plafon bocor", status: FollowUpStatus.Assigned, due: W.Today.AddDays(7));
        var airco = await _world.AddTaskAsync("AC mati", status: FollowUpStatus.InProgress, due: W.Today.AddDays(-3));
        var lamp = await _world.AddTaskAsync("Lampu padam", status: FollowUpStatus.Assigned, due: W.Today);
        await _world.AddTaskAsync("Pompa rusak", status: FollowUpStatus.Done, due: W.Today.AddDays(-5));
        await _world.AddTaskAsync("Kursi rusak", status: FollowUpStatus.Assigned, unitId: _world.OpdUnitId, due: W.Today.AddDays(-4));
        SignIn(W.Repairer, Roles.RepairUnit);

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal([$"/follow-ups/{airco}", $"/follow-ups/{lamp}", $"/follow-ups/{ceiling}"], Links(home, "home-unit-tasks", "home-task-link")), Loading);
        Assert.Equal(["true", "false", "false"], home.FindAll("[data-testid=home-task]").Select(r => r.GetAttribute("data-overdue")));
        Assert.Equal("Terlambat 3 hari", home.Find("[data-testid=home-task-overdue]").TextContent.Trim());
        Assert.Equal(["Tenggat 17 Nov 2026", "Tenggat 20 Nov 2026", "Tenggat 27 Nov 2026"], home.FindAll("[data-testid=home-task-due]").Select(d => d.TextContent.Trim()));
        Assert.Equal("1 terlambat", home.Find("[data-testid=overdue-count]").TextContent.Trim());
        Assert.Equal("/follow-ups?overdue=true&open=true&sort=DueDate", home.Find("[data-testid=overdue-count]").GetAttribute("href"));
        Assert.Equal("/follow-ups?open=true&sort=DueDate", Href(home, "home-unit-tasks"));
        Assert.Empty(home.FindAll("[data-testid=home-week]"));
    }

    [Fact]
    public async Task TellsARepairUnitWithNothingOpenSoInEnglishToo()
    {
        await _world.AddTaskAsync("Kursi rusak", status: FollowUpStatus.Assigned, unitId: _world.OpdUnitId);
        UseCulture("en-US");
        SignIn(W.Repairer, Roles.RepairUnit);

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal("Your unit has no open tasks.", home.Find("[data-testid=section-empty]").TextContent.Trim()), Loading);
        Assert.Equal("Home", home.Find("h1").TextContent);
        Assert.Empty(home.FindAll("[data-testid=home-task]"));
        Assert.Empty(home.FindAll("[data-testid=overdue-count]"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _world.DisposeAsync();
    }

    private static List<string?> Links(IRenderedComponent<HomePage> home, string section, string link) =>
        home.FindAll($"[data-testid={section}] [data-testid={link}]").Select(a => a.GetAttribute("href")).ToList();

    private static string? Href(IRenderedComponent<HomePage> home, string section) =>
        home.Find($"[data-testid={section}] [data-testid=section-all]").GetAttribute("href");

    /// <summary>A visit of the inspector to Disdukcapil's staff office, planned for the date, or started today.</summary>
    private async Task<Guid> PlanAsync(DateOnly date, bool startNow = false)
    {
        var office = await _world.RoomAsync("Ruang Kerja Staf Disdukcapil");
        return await _world.Visits.PlanAsync(_world.Acting(W.Inspector), new PlanVisitRequest(office.OpdId, date, W.Inspector, [], [], [office.Id], startNow));
    }

    private void SignIn(string userId, string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{userId}@balaikota.test");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }
}

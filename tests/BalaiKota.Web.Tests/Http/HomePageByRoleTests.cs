using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The homes at / as the server renders them on the demo data, checked against the database: each section holds what
/// the caller's access and the section's rule select, and nothing of anyone else's.
/// </summary>
public sealed class HomePageByRoleTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private const string OtherUnitEmail = "pelaksana.beranda.lain@balaikota.test";
    private static readonly FollowUpStatus[] NotYetRepaired = [FollowUpStatus.New, FollowUpStatus.Assigned, FollowUpStatus.InProgress, FollowUpStatus.HandedBack];

    [Fact]
    public async Task ShowsTheRepairUnitItsUnitsOpenTasksByDueDateWithTheOverdueFirst()
    {
        using var client = await Browserless.SignedInAsync(factory, DemoAccounts.Emails[Roles.RepairUnit]);

        var home = await HomeAsync(client);

        await using var db = await ContextAsync();
        var unitId = await db.Users.Where(u => u.Email == DemoAccounts.Emails[Roles.RepairUnit]).Select(u => u.ResponsibleUnitId).SingleAsync();
        var open = (await db.FollowUpTasks.Where(t => t.ResponsibleUnitId == unitId && NotYetRepaired.Contains(t.Status))
                .Select(t => new { t.Id, t.DueDate, t.Status }).ToListAsync())
            .OrderBy(t => t.DueDate).ThenBy(t => t.Id).ToList();
        Assert.NotEmpty(open);
        var rows = home.QuerySelectorAll("[data-testid=home-unit-tasks] [data-testid=home-task]");
        Assert.Equal(open.Take(20).Select(t => t.Id), rows.Select(r => LinkedId(r, "/follow-ups/")));
        var overdue = rows.Select(r => r.GetAttribute("data-overdue") == "true").ToList();
        Assert.Equal(overdue.OrderByDescending(o => o), overdue);
        var today = Wib.Today(TimeProvider.System);
        var overdueCount = open.Count(t => FollowUpTask.IsOverdue(t.Status, t.DueDate, today));
        Assert.Equal(overdue.Count(o => o), Math.Min(overdueCount, rows.Length));
        Assert.Equal(overdueCount > 0, home.QuerySelector("[data-testid=overdue-count]") is not null);
        Assert.Equal("/follow-ups?open=true&sort=DueDate", Href(home, "[data-testid=home-unit-tasks] [data-testid=section-all]"));
    }

    [Fact]
    public async Task ShowsAMemberOfAnotherUnitNoneOfTheDemoUnitsTasks()
    {
        await OtherUnitMember.EnsureAsync(factory, OtherUnitEmail, DemoAccounts.Emails[Roles.RepairUnit]);
        using var demo = await Browserless.SignedInAsync(factory, DemoAccounts.Emails[Roles.RepairUnit]);
        using var other = await Browserless.SignedInAsync(factory, OtherUnitEmail);

        var demoTasks = TaskIds(await HomeAsync(demo));
        var otherTasks = TaskIds(await HomeAsync(other));

        Assert.NotEmpty(demoTasks);
        Assert.Empty(demoTasks.Intersect(otherTasks));
    }

    [Fact]
    public async Task ShowsTheInspectorTheirTeamsVisitsOfTheWeekAndInProgressAndTheRepairsOfTheirFindingsToVerify()
    {
        using var client = await Browserless.SignedInAsync(factory, DemoAccounts.Emails[Roles.Inspector]);

        var home = await HomeAsync(client);

        await using var db = await ContextAsync();
        var userId = await db.Users.Where(u => u.Email == DemoAccounts.Emails[Roles.Inspector]).Select(u => u.Id).SingleAsync();
        var ours = db.Visits.Where(v => v.LeadInspectorId == userId || v.Team.Any(m => m.UserId == userId));
        var week = WibWeek.Current(TimeProvider.System);
        var planned = await ours.Where(v => v.Status == VisitStatus.Planned && v.PlannedDate >= week.FirstDay && v.PlannedDate < week.EndDay).Select(v => v.Id).ToListAsync();
        var inProgress = await ours.Where(v => v.Status == VisitStatus.InProgress).Select(v => v.Id).ToListAsync();
        var ourVisitIds = await ours.Select(v => v.Id).ToListAsync();
        var toVerify = await db.FollowUpTasks.Where(t => t.Status == FollowUpStatus.Done && db.Findings.Any(f => f.Id == t.FindingId && ourVisitIds.Contains(f.VisitId)))
            .Select(t => t.Id).ToListAsync();

        AssertShowsUpToTen(planned, VisitIds(home, "home-week"));
        AssertShowsUpToTen(inProgress, VisitIds(home, "home-in-progress"));
        AssertShowsUpToTen(toVerify, TaskIds(home));
        Assert.Equal("/visits?status=Planned", Href(home, "[data-testid=home-week] [data-testid=section-all]"));
        Assert.Equal("/visits?status=InProgress", Href(home, "[data-testid=home-in-progress] [data-testid=section-all]"));
        Assert.Equal("/follow-ups?status=Done&mine=true&sort=DueDate", Href(home, "[data-testid=home-verify] [data-testid=section-all]"));
    }

    /// <summary>A section shows all of its items, or the first ten of them, and nothing else.</summary>
    private static void AssertShowsUpToTen(List<Guid> selected, List<Guid> shown)
    {
        Assert.Equal(Math.Min(10, selected.Count), shown.Count);
        Assert.All(shown, id => Assert.Contains(id, selected));
    }

    private static async Task<IDocument> HomeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static List<Guid> TaskIds(IDocument home) =>
        home.QuerySelectorAll("[data-testid=home-task]").Select(r => LinkedId(r, "/follow-ups/")).ToList();

    private static List<Guid> VisitIds(IDocument home, string section) =>
        home.QuerySelectorAll($"[data-testid={section}] [data-testid=home-visit]").Select(r => LinkedId(r, "/visits/")).ToList();

    private static Guid LinkedId(IElement row, string prefix) =>
        Guid.Parse(row.QuerySelector($"a[href^='{prefix}']")!.GetAttribute("href")![prefix.Length..]);

    private static string? Href(IDocument home, string selector) => home.QuerySelector(selector)?.GetAttribute("href");

    private async Task<BalaiKotaDbContext> ContextAsync() =>
        await factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();
}

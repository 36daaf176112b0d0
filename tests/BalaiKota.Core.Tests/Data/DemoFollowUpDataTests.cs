using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Data;

/// <summary>
/// The demo's follow-up work, whatever day the demo is started: drafts waiting for triage (one with a photo), tasks
/// in every status, assigned to the technical unit and to OPDs' own units, with hand-back reasons and comments, and
/// findings settled as their tasks are.
/// </summary>
public class DemoFollowUpDataTests
{
    [Theory]
    [InlineData("2026-11-30T17:10:00Z")] // 1 December, 00.10 WIB
    [InlineData("2026-12-31T17:30:00Z")] // 1 January, 00.30 WIB
    [InlineData("2027-03-07T05:00:00Z")] // a Sunday afternoon, a week after the last visit of February
    [InlineData("2026-11-20T03:00:00Z")] // an ordinary Friday morning
    public async Task OffersWorkInEveryStatusAndDraftsWaitingForTriage(string utcNow)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        await using var database = await DemoAsync(clock);
        await using var db = database.CreateDbContext();
        var tasks = await db.FollowUpTasks.AsNoTracking().Include(t => t.History).ToListAsync();
        var findings = await db.Findings.AsNoTracking().ToDictionaryAsync(f => f.Id);
        var technical = await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync();
        var repairUser = await db.Users.Where(u => u.Email == "pelaksana@balaikota.test").Select(u => new { u.Id, u.ResponsibleUnitId }).SingleAsync();

        Assert.Equal(Enum.GetValues<FollowUpStatus>(), tasks.Select(t => t.Status).Distinct().Order());
        var drafts = tasks.Where(t => t.Status == FollowUpStatus.New).ToList();
        Assert.True(drafts.Count >= 3, $"{drafts.Count} drafts");
        Assert.All(drafts, t => Assert.Equal(new DueDays().DueDate(findings[t.FindingId].Severity, DateOnly.FromDateTime(Wib.ToWib(t.OpenedAt))), t.DueDate));
        var answersOfDrafts = drafts.Select(t => findings[t.FindingId].AnswerId).OfType<Guid>().ToList();
        Assert.True(await db.Photos.AnyAsync(p => p.AnswerId != null && answersOfDrafts.Contains(p.AnswerId.Value)));

        Assert.Equal(technical, repairUser.ResponsibleUnitId);
        var assigned = tasks.Where(t => t.ResponsibleUnitId is not null).ToList();
        Assert.True(assigned.Count(t => t.ResponsibleUnitId == technical) > assigned.Count / 2);
        Assert.Contains(assigned, t => t.ResponsibleUnitId != technical);
        Assert.Contains(assigned, t => t.AssigneeId == repairUser.Id);
        Assert.Contains(tasks, t => t.Status is FollowUpStatus.Assigned or FollowUpStatus.InProgress && t.ResponsibleUnitId == technical);
        Assert.All(tasks.Where(t => t.AssigneeId is not null), t => Assert.Equal(technical, t.ResponsibleUnitId));
        Assert.All(tasks.Where(t => t.Status == FollowUpStatus.HandedBack), t => Assert.NotNull(t.HandBackReason));
        Assert.All(tasks.Where(t => t.Status != FollowUpStatus.HandedBack), t => Assert.Null(t.HandBackReason));
        Assert.Contains(tasks.SelectMany(t => t.History), e => e.Action == FollowUpAction.Comment);
        Assert.All(tasks.SelectMany(t => t.History).Where(e => e.Action == FollowUpAction.HandBack), e => Assert.NotNull(e.HandBackReason));

        var merged = tasks.Where(t => t.Status == FollowUpStatus.Merged).ToList();
        var byId = tasks.ToDictionary(t => t.Id);
        Assert.All(merged, t =>
        {
            var target = byId[t.MergedIntoTaskId!.Value];
            Assert.True(target.IsOpen && target.Status != FollowUpStatus.Merged);
            Assert.Equal((findings[target.FindingId].RoomId, findings[target.FindingId].ItemId), (findings[t.FindingId].RoomId, findings[t.FindingId].ItemId));
        });
        Assert.All(tasks, t => Assert.Equal(
            t.Status switch { FollowUpStatus.Verified => FindingStatus.Resolved, FollowUpStatus.Dismissed => FindingStatus.Dismissed, _ => FindingStatus.Open },
            findings[t.FindingId].Status));
        Assert.True(await db.FollowUpTaskEvents.AllAsync(e => e.At <= clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task MakesTheSameDataFromTheSameSeedOnTheSameDay()
    {
        var now = new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
        await using var first = await DemoAsync(new FakeTimeProvider(now));
        await using var second = await DemoAsync(new FakeTimeProvider(now));

        Assert.Equal(await FingerprintAsync(first), await FingerprintAsync(second));
    }

    private static async Task<TestDatabase> DemoAsync(FakeTimeProvider clock)
    {
        var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, clock);
        using var host = database.BuildHost(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = "Demo-Password-123",
        });
        await host.Services.InitializeBalaiKotaDatabaseAsync();
        return database;
    }

    /// <summary>Every task by what it is about and what happened to it, in an order that does not depend on generated ids.</summary>
    private static async Task<List<string>> FingerprintAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var rows = await (from t in db.FollowUpTasks.AsNoTracking()
                          join f in db.Findings on t.FindingId equals f.Id
                          join v in db.Visits on f.VisitId equals v.Id
                          join r in db.Rooms on f.RoomId equals r.Id
                          select new
                          {
                              v.PlannedDate,
                              Room = r.Name,
                              f.Description,
                              f.Severity,
                              f.Status,
                              TaskStatus = t.Status,
                              t.DueDate,
                              Unit = db.ResponsibleUnits.Where(u => u.Id == t.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(),
                              Assigned = t.AssigneeId != null,
                              t.HandBackReason,
                              Events = t.History.Count,
                              Photos = db.Photos.Count(p => p.TaskId == t.Id || (f.AnswerId != null && p.AnswerId == f.AnswerId)),
                          })
            .ToListAsync();
        return rows.Select(r => string.Join('|', r.PlannedDate, r.Room, r.Description, r.Severity, r.Status, r.TaskStatus, r.DueDate, r.Unit, r.Assigned, r.HandBackReason, r.Events, r.Photos))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

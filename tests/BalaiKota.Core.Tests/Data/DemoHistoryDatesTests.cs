using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Data;

/// <summary>The demo history is made from "now"; on the awkward days of a calendar it must still be consistent.</summary>
public class DemoHistoryDatesTests
{
    [Theory]
    [InlineData("2026-11-30T17:10:00Z")] // 1 December, 00.10 WIB
    [InlineData("2026-12-31T17:30:00Z")] // 1 January, 00.30 WIB: the four past months span a year end
    [InlineData("2026-12-31T16:50:00Z")] // 31 December, 23.50 WIB: no planned visit left this month
    [InlineData("2026-11-20T03:00:00Z")] // an ordinary Friday morning
    public async Task NothingHappensBeforeItsDayOrAfterNow(string utcNow)
    {
        var now = DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(now);
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite, clock);
        using var host = database.BuildHost(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = "Demo-Password-123",
        });

        await host.Services.InitializeBalaiKotaDatabaseAsync();

        await using var db = database.CreateDbContext();
        var visits = await db.Visits.AsNoTracking().ToListAsync();
        var today = Wib.Today(clock);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-4);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => firstMonth.AddMonths(i)).Select(d => (d.Year, d.Month)),
            visits.Select(v => (v.PlannedDate.Year, v.PlannedDate.Month)).Distinct().Order());
        Assert.Contains(visits, v => v.Status == VisitStatus.InProgress && v.PlannedDate.Month == today.Month);
        Assert.Contains(visits, v => v.Status == VisitStatus.Submitted);
        Assert.All(visits.Where(v => v.StartedAt is not null), v =>
        {
            Assert.InRange(v.StartedAt!.Value, Wib.StartOfDayUtc(v.PlannedDate), now.UtcDateTime);
            Assert.True(v.SubmittedAt is null || v.SubmittedAt <= now.UtcDateTime);
        });
        Assert.All(visits.Where(v => v.PlannedDate > today), v => Assert.Equal(VisitStatus.Planned, v.Status));
        Assert.True(await db.Answers.AllAsync(a => a.AnsweredAt <= now.UtcDateTime));
        Assert.True(await db.FollowUpTaskEvents.AllAsync(e => e.At <= now.UtcDateTime));
    }
}

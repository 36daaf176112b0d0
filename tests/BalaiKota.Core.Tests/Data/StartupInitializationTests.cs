using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Data;

/// <summary>The whole start-up path (migrate, reference data, roles, demo data), run twice, on each provider.</summary>
public abstract class StartupInitializationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string DemoPassword = "Demo-Password-123";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = default!;
    private IHost _host = default!;

    public async ValueTask InitializeAsync()
    {
        var clock = new FakeTimeProvider(Now);
        _database = await TestDatabase.CreateEmptyAsync(provider, clock);
        _host = _database.BuildHost(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = DemoPassword,
        });
        await _host.Services.InitializeBalaiKotaDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SeedsTheDefaultChecklistRolesAndOneDemoAccountPerRole()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = _database.CreateDbContext();

        var template = await db.ChecklistTemplates.Include(t => t.Categories).ThenInclude(c => c.Items).SingleAsync();
        Assert.Equal(TemplateStatus.Published, template.Status);
        Assert.Equal(40, template.Items.Count());
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        foreach (var account in IdentitySeeder.DemoAccounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, DemoPassword));
            Assert.Equal([account.Role], await users.GetRolesAsync(user));
        }

        var repair = await users.FindByEmailAsync("pelaksana@balaikota.test");
        Assert.NotNull(repair!.ResponsibleUnitId);
    }

    [Fact]
    public async Task GivesTheDemoFourPastMonthsAndTheCurrentMonthInEveryState()
    {
        await using var db = _database.CreateDbContext();

        var visits = await db.Visits.AsNoTracking().ToListAsync();
        var months = visits.Select(v => (v.PlannedDate.Year, v.PlannedDate.Month)).Distinct().Order().ToList();
        Assert.Equal([(2026, 7), (2026, 8), (2026, 9), (2026, 10), (2026, 11)], months);
        Assert.Equal(Enum.GetValues<VisitStatus>().Order(), visits.Select(v => v.Status).Distinct().Order());
        var statuses = await db.FollowUpTasks.Select(t => t.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<FollowUpStatus>().Order(), statuses.Order());
        Assert.Contains(await db.FollowUpTasks.AsNoTracking().ToListAsync(), t => t.IsOverdue(new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public async Task RecordsAFindingAndATaskForEveryNotOkAnswerOfASubmittedVisit()
    {
        await using var db = _database.CreateDbContext();

        var notOk = await (from a in db.Answers
                           join r in db.RoomInspections on a.RoomInspectionId equals r.Id
                           join v in db.Visits on r.VisitId equals v.Id
                           where v.Status == VisitStatus.Submitted && a.Outcome == AnswerOutcome.NotOk
                           select a.Id).ToListAsync();
        var findings = await db.Findings.Select(f => f.AnswerId).ToListAsync();
        var tasks = await db.FollowUpTasks.CountAsync();

        Assert.NotEmpty(notOk);
        Assert.Equal(notOk.Order(), findings.Select(f => f!.Value).Order());
        Assert.Equal(findings.Count, tasks);
    }

    [Fact]
    public async Task ChangesNothingWhenItRunsAgain()
    {
        var before = await CountsAsync();

        await _host.Services.InitializeBalaiKotaDatabaseAsync();

        Assert.Equal(before, await CountsAsync());
    }

    private async Task<(int Templates, int Items, int Opds, int Rooms, int Users, int Visits, int Answers, int Tasks)> CountsAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.ChecklistTemplates.CountAsync(), await db.ChecklistItems.CountAsync(), await db.Opds.CountAsync(), await db.Rooms.CountAsync(),
            await db.Users.CountAsync(), await db.Visits.CountAsync(), await db.Answers.CountAsync(), await db.FollowUpTasks.CountAsync());
    }
}

public sealed class SqliteStartupInitializationTests() : StartupInitializationTests(DatabaseProvider.Sqlite);

public sealed class PostgresStartupInitializationTests() : StartupInitializationTests(DatabaseProvider.Postgres);

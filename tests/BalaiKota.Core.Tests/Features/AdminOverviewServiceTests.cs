using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>The administration page's figures on a real database: the sample registry, the five test accounts and what waits for an administrator.</summary>
public abstract class AdminOverviewServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
    private WalkThrough _walk = default!;
    private AdminOverviewService _overview = default!;

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        await _walk.AddPeopleAsync();
        _overview = new AdminOverviewService(_walk.Database, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CountsTheActiveRegistryAndTheRoomsAnInspectorAddedThatWaitForConfirmation()
    {
        await using (var db = _walk.Database.CreateDbContext())
        {
            var opd = await db.Opds.OrderBy(o => o.ShortName).FirstAsync();
            var building = await db.Buildings.FirstAsync();
            db.Rooms.Add(Room.AddedDuringVisit(opd.Id, building.Id, "Gudang Arsip", 2, RoomType.Office, null));
            (await db.Rooms.FirstAsync(r => r.OpdId != opd.Id)).Deactivate();
            (await db.Opds.FirstAsync(o => o.Id != opd.Id)).Deactivate();
            await db.SaveChangesAsync();
        }

        var overview = await _overview.GetAsync(Samples.Administrator);

        await using var check = _walk.Database.CreateDbContext();
        Assert.Equal(await check.Opds.CountAsync() - 1, overview.ActiveOpds);
        Assert.Equal(await check.Rooms.CountAsync() - 1, overview.ActiveRooms);
        Assert.Equal(1, overview.RoomsToConfirm);
    }

    [Fact]
    public async Task NamesThePublishedVersionAndADraftBeingPrepared()
    {
        var before = await _overview.GetAsync(Samples.Administrator);
        await using (var db = _walk.Database.CreateDbContext())
        {
            var published = await db.ChecklistTemplates.Include(t => t.Categories).ThenInclude(c => c.Items).SingleAsync();
            db.ChecklistTemplates.Add(published.CreateNextDraft());
            await db.SaveChangesAsync();
        }

        var after = await _overview.GetAsync(Samples.Administrator);

        Assert.Equal((1, (int?)null), (before.PublishedTemplateVersion, before.DraftTemplateVersion));
        Assert.Equal((1, (int?)2), (after.PublishedTemplateVersion, after.DraftTemplateVersion));
    }

    [Fact]
    public async Task CountsActiveAndLockedAccountsAndOnlyTheLastSevenDaysOfChanges()
    {
        await using (var db = _walk.Database.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == "pimpinan")).IsActive = false;
            (await db.Users.SingleAsync(u => u.Id == "sekretariat")).LockoutEnd = _clock.GetUtcNow().AddHours(1);
            (await db.Users.SingleAsync(u => u.Id == "pelaksana")).LockoutEnd = _clock.GetUtcNow().AddHours(-1);
            await db.SaveChangesAsync();
        }

        var today = await _overview.GetAsync(Samples.Administrator);
        _clock.Advance(TimeSpan.FromDays(8));
        var nextWeek = await _overview.GetAsync(Samples.Administrator);

        await using var check = _walk.Database.CreateDbContext();
        Assert.Equal(await check.Users.CountAsync() - 1, today.ActiveUsers);
        Assert.Equal(1, today.LockedUsers);
        Assert.Equal(await check.AuditEntries.CountAsync(), today.ChangesLastWeek);
        Assert.True(today.ChangesLastWeek > 0, "the set-up itself is audited");
        Assert.Equal(0, nextWeek.ChangesLastWeek);
        Assert.Equal(0, nextWeek.LockedUsers);
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Secretariat)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.RepairUnit)]
    public async Task RefusesEveryoneButAnAdministrator(string role)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => _overview.GetAsync(new Actor("someone", new HashSet<string> { role })));

        Assert.Equal(VisitAccess.DeniedCode, refused.Code);
    }
}

public sealed class SqliteAdminOverviewServiceTests() : AdminOverviewServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresAdminOverviewServiceTests() : AdminOverviewServiceTests(DatabaseProvider.Postgres);

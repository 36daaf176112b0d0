using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Audit;
using BalaiKota.Core.Features.Users;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>The audit log read back on a real database, proved on each provider by the subclasses below.</summary>
public abstract class AuditLogServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Friday 20 November 2026, 10.00 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly Actor _admin = Samples.Administrator;
    private UserAdminWorld _world = default!;

    private AuditLogService Service => _world.Audit;

    public async ValueTask InitializeAsync() => _world = await UserAdminWorld.CreateAsync(provider, _clock);

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ShowsTheBeforeAndAfterOfEachChangedFieldWithWhoChangedIt()
    {
        var created = await _world.Users.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null));
        var row = (await _world.Users.ListAsync(_admin)).Single(u => u.Id == created.UserId);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _world.Users.UpdateAsync(_admin, new UpdateUserRequest(row.Id, row.Stamp, "Sari Dewi", row.Email, row.Roles, null));
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _world.Users.ResetPasswordAsync(_admin, row.Id);

        var page = await Service.PageAsync(_admin, new AuditFilter(EntityType: nameof(ApplicationUser), EntityId: row.Id));

        // Adding the role touches the account row again; so does the reset, whose changed values are all secret.
        Assert.Equal([AuditAction.Modified, AuditAction.Modified, AuditAction.Modified, AuditAction.Added], page.Rows.Select(r => r.Action));
        Assert.All(page.Rows, r => Assert.Equal((_admin.UserId, "Admin Satu"), (r.UserId, r.UserName)));
        Assert.Empty(page.Rows[0].Fields);
        var renamed = page.Rows[1];
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(-5), renamed.At);
        Assert.Contains(new AuditFieldChange(nameof(ApplicationUser.FullName), "Sari", "Sari Dewi"), renamed.Fields);
        var added = page.Rows[3];
        Assert.Contains(new AuditFieldChange(nameof(ApplicationUser.Email), null, "sari@bandung.go.id"), added.Fields);
        Assert.Contains(new AuditFieldChange(nameof(ApplicationUser.IsActive), null, "true"), added.Fields);
        string[] secrets = [nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp)];
        Assert.All(page.Rows.SelectMany(r => r.Fields), f => Assert.DoesNotContain(f.Field, secrets));
    }

    [Fact]
    public async Task FiltersByUserTypeEntityAndWibDaysInSql()
    {
        await AddEntriesAsync(
            (new DateTime(2026, 11, 19, 16, 59, 0, DateTimeKind.Utc), "admin", "Room", "r1"),
            (new DateTime(2026, 11, 19, 17, 0, 0, DateTimeKind.Utc), "admin", "Room", "r2"),
            (new DateTime(2026, 11, 20, 16, 59, 59, DateTimeKind.Utc), null, "Opd", "o1"),
            (new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc), "admin", "Room", "r1"));

        // 20 November in WIB runs from 19 November 17.00 UTC to 20 November 17.00 UTC.
        var day = new DateOnly(2026, 11, 20);
        Assert.Equal(["o1", "r2"], await IdsAsync(new AuditFilter(From: day, To: day)));
        Assert.Equal(["r1", "o1", "r2"], await IdsAsync(new AuditFilter(From: day)));
        Assert.Equal(["r2", "r1"], await IdsAsync(new AuditFilter(EntityType: "Room", To: day)));
        Assert.Equal(["r1", "r1"], await IdsAsync(new AuditFilter(EntityType: "Room", EntityId: " r1 ")));
        Assert.Equal(["r1", "r2", "r1"], await IdsAsync(new AuditFilter(UserId: "admin", EntityType: "Room")));
        Assert.Equal(["Opd", "Room"], (await Service.EntityTypesAsync(_admin)).Where(t => t is "Opd" or "Room"));
        Assert.Null((await Service.PageAsync(_admin, new AuditFilter(EntityId: "o1"))).Rows.Single().UserName);

        var range = await Assert.ThrowsAsync<DomainException>(() => Service.PageAsync(_admin, new AuditFilter(From: day, To: day.AddDays(-1))));
        Assert.Equal(AuditLogService.RangeCode, range.Code);
    }

    [Fact]
    public async Task PagesNewestFirstWithoutOverlapOrGaps()
    {
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        await AddEntriesAsync([.. Enumerable.Range(1, 30).Select(i => (start.AddMinutes(i), (string?)"admin", "Room", $"r{i}"))]);

        var first = await Service.PageAsync(_admin, new AuditFilter(EntityType: "Room", PageSize: 25));
        var second = await Service.PageAsync(_admin, new AuditFilter(EntityType: "Room", Page: 2, PageSize: 25));
        var beyond = await Service.PageAsync(_admin, new AuditFilter(EntityType: "Room", Page: 9, PageSize: 25));

        Assert.Equal((30, 2, false), (first.Total, first.PageCount, first.MoreThanTotal));
        Assert.Equal(Enumerable.Range(6, 25).Reverse().Select(i => $"r{i}"), first.Rows.Select(r => r.EntityId));
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"r{i}"), second.Rows.Select(r => r.EntityId));
        Assert.Equal(2, beyond.Page);
        Assert.Equal(second.Rows.Select(r => r.Id), beyond.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task RefusesEveryoneButAdministrators()
    {
        foreach (var actor in new[] { Samples.Inspector, Samples.Secretariat, Samples.Leadership, Samples.RepairUnit(_world.UnitId) })
        {
            Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => Service.PageAsync(actor, new AuditFilter()))).Code);
            Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => Service.EntityTypesAsync(actor))).Code);
            Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => Service.UsersAsync(actor))).Code);
        }
    }

    private async Task<IReadOnlyList<string>> IdsAsync(AuditFilter filter) =>
        [.. (await Service.PageAsync(_admin, filter)).Rows.Where(r => r.EntityType is "Room" or "Opd").Select(r => r.EntityId)];

    private async Task AddEntriesAsync(params (DateTime At, string? UserId, string Type, string Id)[] entries)
    {
        await using var db = _world.Database.CreateDbContext();
        foreach (var (at, userId, type, id) in entries)
        {
            db.AuditEntries.Add(new AuditEntry(at, userId, type, id, AuditAction.Modified, """{"Name":{"before":"Lama","after":"Baru"}}"""));
        }

        await db.SaveChangesAsync();
    }
}

public sealed class SqliteAuditLogServiceTests() : AuditLogServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditLogServiceTests() : AuditLogServiceTests(DatabaseProvider.Postgres);

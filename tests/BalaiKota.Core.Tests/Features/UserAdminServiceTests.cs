using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Users;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>User administration through Identity on a real database, proved on each provider by the subclasses below.</summary>
public abstract class UserAdminServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Password = "Kata-Sandi-Awal-7";

    // Friday 20 November 2026, 10.00 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly Actor _admin = Samples.Administrator;
    private UserAdminWorld _world = default!;

    private UserAdminService Service => _world.Users;

    public async ValueTask InitializeAsync() => _world = await UserAdminWorld.CreateAsync(provider, _clock);

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CreatesARepairUnitMemberWithAUnitAndATemporaryPasswordThatSignsIn()
    {
        var created = await Service.CreateAsync(_admin, new CreateUserRequest(" Budi Pelaksana ", "budi@bandung.go.id", [Roles.RepairUnit], _world.UnitId));

        Assert.Matches("^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$", created.TemporaryPassword!);
        Assert.True(await _world.SignsInAsync("budi@bandung.go.id", created.TemporaryPassword!));
        var row = (await Service.ListAsync(_admin)).Single(u => u.Id == created.UserId);
        Assert.Equal(("Budi Pelaksana", "budi@bandung.go.id", _world.UnitId, "Bagian Umum", UserStatus.Active), (row.FullName, row.Email, row.UnitId, row.UnitName, row.Status));
        Assert.Equal([Roles.RepairUnit], row.Roles);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, row.LastChangedAt);

        await using var db = _world.Database.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.EntityId == created.UserId || a.EntityId.StartsWith(created.UserId + ",")).ToListAsync();
        Assert.Contains(entries, a => a.EntityType == nameof(ApplicationUser) && a.Action == AuditAction.Added);
        Assert.Contains(entries, a => a.EntityType == typeof(IdentityUserRole<string>).Name && a.Action == AuditAction.Added);
        Assert.All(entries, a => Assert.Equal(_admin.UserId, a.UserId));
        var hash = await db.Users.Where(u => u.Id == created.UserId).Select(u => u.PasswordHash).SingleAsync();
        Assert.All(entries, a => Assert.DoesNotContain(hash!, a.Changes, StringComparison.Ordinal));
        Assert.All(entries, a => Assert.DoesNotContain(nameof(ApplicationUser.PasswordHash), a.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarksEveryPasswordAnAdministratorSetSoTheSignInMustReplaceIt()
    {
        var typed = await Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null, Password));
        var generated = await Service.CreateAsync(_admin, new CreateUserRequest("Budi", "budi@bandung.go.id", [Roles.RepairUnit], _world.UnitId));

        var rows = await Service.ListAsync(_admin);
        Assert.True(rows.Single(u => u.Id == typed.UserId).HasTemporaryPassword);
        Assert.True(rows.Single(u => u.Id == generated.UserId).HasTemporaryPassword);
        Assert.False(rows.Single(u => u.Id == _admin.UserId).HasTemporaryPassword);
        Assert.True(TemporaryPasswordClaims.HasTemporaryPassword(await _world.PrincipalOfAsync(typed.UserId)));
        Assert.False(TemporaryPasswordClaims.HasTemporaryPassword(await _world.PrincipalOfAsync(_admin.UserId)));

        await _world.WithUserManagerAsync(async users =>
        {
            var user = await users.FindByIdAsync(typed.UserId);
            user!.MustChangePassword = false;
            return (await users.UpdateAsync(user)).Succeeded;
        });
        Assert.False(TemporaryPasswordClaims.HasTemporaryPassword(await _world.PrincipalOfAsync(typed.UserId)));

        await Service.ResetPasswordAsync(_admin, typed.UserId);
        Assert.True((await Service.ListAsync(_admin)).Single(u => u.Id == typed.UserId).HasTemporaryPassword);
        Assert.True(TemporaryPasswordClaims.HasTemporaryPassword(await _world.PrincipalOfAsync(typed.UserId)));
    }

    [Fact]
    public async Task CreatesAUserWithATypedPasswordAndRefusesOneThatBreaksThePasswordRules()
    {
        var weak = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null, "pendek")));
        Assert.Equal(UserAdminService.PasswordCode, weak.Code);
        Assert.DoesNotContain(await Service.ListAsync(_admin), u => u.Email == "sari@bandung.go.id");

        var created = await Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector, Roles.Secretariat], _world.UnitId, Password));

        Assert.Null(created.TemporaryPassword);
        Assert.True(await _world.SignsInAsync("sari@bandung.go.id", Password));
        var row = (await Service.ListAsync(_admin)).Single(u => u.Id == created.UserId);
        Assert.Equal([Roles.Inspector, Roles.Secretariat], row.Roles);
        Assert.Null(row.UnitId);
    }

    [Fact]
    public async Task RefusesARepairUnitMemberWithoutAUnitAndClearsTheUnitWhenTheRoleGoes()
    {
        var before = await _world.AuditCountAsync();
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync(_admin, new CreateUserRequest("Budi", "budi@bandung.go.id", [Roles.RepairUnit], null)));
        Assert.Equal(UserAdminService.UnitRequiredCode, refused.Code);
        var unknown = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync(_admin, new CreateUserRequest("Budi", "budi@bandung.go.id", [Roles.RepairUnit], Guid.NewGuid())));
        Assert.Equal(UserAdminService.UnitUnknownCode, unknown.Code);
        var noRole = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync(_admin, new CreateUserRequest("Budi", "budi@bandung.go.id", ["Superuser"], null)));
        Assert.Equal(UserAdminService.RolesCode, noRole.Code);
        Assert.Single(await Service.ListAsync(_admin));
        Assert.Equal(before, await _world.AuditCountAsync());

        var created = await Service.CreateAsync(_admin, new CreateUserRequest("Budi", "budi@bandung.go.id", [Roles.RepairUnit], _world.UnitId));
        var row = await RowAsync(created.UserId);
        var withoutUnit = await Assert.ThrowsAsync<DomainException>(() => Service.UpdateAsync(_admin, new UpdateUserRequest(row.Id, row.Stamp, row.FullName, row.Email, [Roles.RepairUnit, Roles.Inspector], null)));
        Assert.Equal(UserAdminService.UnitRequiredCode, withoutUnit.Code);
        Assert.Equal([Roles.RepairUnit], (await RowAsync(created.UserId)).Roles);

        await Service.UpdateAsync(_admin, new UpdateUserRequest(row.Id, row.Stamp, "Budi Santoso", "budi.s@bandung.go.id", [Roles.Inspector], _world.UnitId));

        var changed = await RowAsync(created.UserId);
        Assert.Equal(("Budi Santoso", "budi.s@bandung.go.id", (Guid?)null), (changed.FullName, changed.Email, changed.UnitId));
        Assert.Equal([Roles.Inspector], changed.Roles);
        Assert.True(await _world.SignsInAsync("budi.s@bandung.go.id", created.TemporaryPassword!));
    }

    [Fact]
    public async Task RefusesAnEmailInUseAndAnEditBasedOnAnOlderVersion()
    {
        var taken = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync(_admin, new CreateUserRequest("Tiruan", "ADMIN@balaikota.test", [Roles.Inspector], null)));
        Assert.Equal(UserAdminService.EmailTakenCode, taken.Code);
        var invalid = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync(_admin, new CreateUserRequest("Tiruan", "bukan-email", [Roles.Inspector], null)));
        Assert.Equal(UserAdminService.EmailCode, invalid.Code);

        var created = await Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null));
        var seen = await RowAsync(created.UserId);
        await Service.UpdateAsync(_admin, new UpdateUserRequest(seen.Id, seen.Stamp, "Sari Dewi", seen.Email, seen.Roles, null));

        var stale = await Assert.ThrowsAsync<DomainException>(() => Service.UpdateAsync(_admin, new UpdateUserRequest(seen.Id, seen.Stamp, "Sari Lama", seen.Email, seen.Roles, null)));
        Assert.Equal(UserAdminService.ChangedCode, stale.Code);
        Assert.Equal("Sari Dewi", (await RowAsync(created.UserId)).FullName);
    }

    [Fact]
    public async Task NeverTakesAwayTheLastActiveAdministratorAndChangesNothingWhenItRefuses()
    {
        // A second administrator, locked: until their session is next checked they can still act.
        var other = await Service.CreateAsync(_admin, new CreateUserRequest("Kepala TU", "kepala@bandung.go.id", [Roles.Administrator], null));
        await Service.LockAsync(_admin, other.UserId, null);
        var stale = new Actor(other.UserId, new HashSet<string> { Roles.Administrator });
        var me = await RowAsync(_admin.UserId);
        var before = await _world.AuditCountAsync();

        var attempts = new Func<Task>[]
        {
            () => Service.UpdateAsync(_admin, new UpdateUserRequest(me.Id, me.Stamp, me.FullName, me.Email, [Roles.Inspector], null)),
            () => Service.SetActiveAsync(stale, _admin.UserId, active: false),
            () => Service.LockAsync(stale, _admin.UserId, new DateOnly(2026, 12, 31)),
            () => Service.LockAsync(stale, _admin.UserId, null),
        };
        foreach (var attempt in attempts)
        {
            var refused = await Assert.ThrowsAsync<DomainException>(attempt);
            Assert.Equal(UserAdminService.LastAdministratorCode, refused.Code);
        }

        var after = await RowAsync(_admin.UserId);
        Assert.Equal([Roles.Administrator], after.Roles);
        Assert.Equal((true, (DateTimeOffset?)null, UserStatus.Active, me.Stamp), (after.IsActive, after.LockedUntil, after.Status, after.Stamp));
        Assert.Equal(before, await _world.AuditCountAsync());

        // Once the other administrator is unlocked, the first may step down.
        await Service.UnlockAsync(_admin, other.UserId);
        await Service.UpdateAsync(_admin, new UpdateUserRequest(me.Id, me.Stamp, me.FullName, me.Email, [Roles.Inspector], null));
        Assert.Equal([Roles.Inspector], (await RowAsync(_admin.UserId)).Roles);
    }

    [Fact]
    public async Task RefusesToLockOrDeactivateTheAdministratorsOwnAccount()
    {
        await Service.CreateAsync(_admin, new CreateUserRequest("Kepala TU", "kepala@bandung.go.id", [Roles.Administrator], null));

        var locked = await Assert.ThrowsAsync<DomainException>(() => Service.LockAsync(_admin, _admin.UserId, null));
        var deactivated = await Assert.ThrowsAsync<DomainException>(() => Service.SetActiveAsync(_admin, _admin.UserId, active: false));

        Assert.Equal((UserAdminService.SelfCode, UserAdminService.SelfCode), (locked.Code, deactivated.Code));
        Assert.Equal(UserStatus.Active, (await RowAsync(_admin.UserId)).Status);
    }

    [Fact]
    public async Task ResetsThePasswordSoThatOnlyTheNewOneSignsInAndOpenSessionsEnd()
    {
        var created = await Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null, Password));
        var stamp = await StampAsync(created.UserId);

        var temporary = await Service.ResetPasswordAsync(_admin, created.UserId);

        Assert.NotEqual(Password, temporary);
        Assert.False(await _world.SignsInAsync("sari@bandung.go.id", Password));
        Assert.True(await _world.SignsInAsync("sari@bandung.go.id", temporary));
        Assert.NotEqual(stamp, await StampAsync(created.UserId));
        var missing = await Assert.ThrowsAsync<DomainException>(() => Service.ResetPasswordAsync(_admin, "tidak-ada"));
        Assert.Equal(UserAdminService.NotFoundCode, missing.Code);
    }

    [Fact]
    public async Task LocksThroughTheEndOfAWibDayOrIndefinitelyAndUnlocks()
    {
        var created = await Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null, Password));
        var stamp = await StampAsync(created.UserId);

        // Far enough ahead for Identity's sign-in check too, which reads the machine's clock rather than the test's.
        await Service.LockAsync(_admin, created.UserId, new DateOnly(2036, 11, 25));

        var locked = await RowAsync(created.UserId);
        Assert.Equal((UserStatus.Locked, false), (locked.Status, locked.LockedIndefinitely));
        Assert.Equal(new DateTimeOffset(2036, 11, 25, 17, 0, 0, TimeSpan.Zero), locked.LockedUntil);
        Assert.True(await IsLockedOutAsync(created.UserId));
        Assert.NotEqual(stamp, await StampAsync(created.UserId));

        await Service.UnlockAsync(_admin, created.UserId);
        Assert.Equal((UserStatus.Active, (DateTimeOffset?)null), ((await RowAsync(created.UserId)).Status, (await RowAsync(created.UserId)).LockedUntil));
        Assert.False(await IsLockedOutAsync(created.UserId));

        await Service.LockAsync(_admin, created.UserId, null);
        Assert.True((await RowAsync(created.UserId)).LockedIndefinitely);
        _clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(UserStatus.Locked, (await RowAsync(created.UserId)).Status);

        var past = await Assert.ThrowsAsync<DomainException>(() => Service.LockAsync(_admin, created.UserId, Wib.Today(_clock).AddDays(-1)));
        Assert.Equal(UserAdminService.LockDateCode, past.Code);
    }

    [Fact]
    public async Task DeactivatesAndActivatesAnAccountEndingItsSessions()
    {
        var created = await Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null, Password));
        var stamp = await StampAsync(created.UserId);

        await Service.SetActiveAsync(_admin, created.UserId, active: false);

        var inactive = await RowAsync(created.UserId);
        Assert.Equal((UserStatus.Inactive, false), (inactive.Status, inactive.IsActive));
        Assert.NotEqual(stamp, await StampAsync(created.UserId));

        await Service.SetActiveAsync(_admin, created.UserId, active: true);
        Assert.Equal(UserStatus.Active, (await RowAsync(created.UserId)).Status);
    }

    [Fact]
    public async Task SearchesByNameOrEmailWithoutRegardToCase()
    {
        await Service.CreateAsync(_admin, new CreateUserRequest("Budi Pelaksana", "budi@bandung.go.id", [Roles.RepairUnit], _world.UnitId));
        await Service.CreateAsync(_admin, new CreateUserRequest("Sari Dewi", "sari@bandung.go.id", [Roles.Inspector], null));

        Assert.Equal(["Budi Pelaksana"], (await Service.ListAsync(_admin, "pelaks")).Select(u => u.FullName));
        Assert.Equal(["Sari Dewi"], (await Service.ListAsync(_admin, "SARI@")).Select(u => u.FullName));
        Assert.Equal(["Admin Satu", "Budi Pelaksana", "Sari Dewi"], (await Service.ListAsync(_admin, "  ")).Select(u => u.FullName));
    }

    [Fact]
    public async Task RefusesEveryoneButAdministrators()
    {
        var created = await Service.CreateAsync(_admin, new CreateUserRequest("Sari", "sari@bandung.go.id", [Roles.Inspector], null));
        var row = await RowAsync(created.UserId);
        var before = await _world.AuditCountAsync();
        foreach (var actor in new[] { Samples.Inspector, Samples.Secretariat, Samples.Leadership, Samples.RepairUnit(_world.UnitId) })
        {
            var attempts = new Func<Task>[]
            {
                () => Service.ListAsync(actor),
                () => Service.UnitsAsync(actor),
                () => Service.CreateAsync(actor, new CreateUserRequest("Baru", "baru@bandung.go.id", [Roles.Administrator], null)),
                () => Service.UpdateAsync(actor, new UpdateUserRequest(row.Id, row.Stamp, row.FullName, row.Email, [Roles.Administrator], null)),
                () => Service.ResetPasswordAsync(actor, row.Id),
                () => Service.LockAsync(actor, row.Id, null),
                () => Service.UnlockAsync(actor, row.Id),
                () => Service.SetActiveAsync(actor, row.Id, active: false),
            };
            foreach (var attempt in attempts)
            {
                Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(attempt)).Code);
            }
        }

        Assert.Equal(before, await _world.AuditCountAsync());
        var after = await RowAsync(created.UserId);
        Assert.Equal((row.Stamp, row.Roles.Single(), row.Status), (after.Stamp, after.Roles.Single(), after.Status));
    }

    private async Task<UserRow> RowAsync(string userId) => (await Service.ListAsync(_admin)).Single(u => u.Id == userId);

    private Task<string?> StampAsync(string userId) => _world.WithUserManagerAsync(async users => (await users.FindByIdAsync(userId))!.SecurityStamp);

    private Task<bool> IsLockedOutAsync(string userId) => _world.WithUserManagerAsync(async users => await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!));
}

public sealed class SqliteUserAdminServiceTests() : UserAdminServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresUserAdminServiceTests() : UserAdminServiceTests(DatabaseProvider.Postgres);

using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Audit;
using BalaiKota.Core.Features.Users;
using BalaiKota.Testing;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The user and audit pages' services on a SQLite database with the roles, one repair unit and one administrator,
/// "admin", as whom the bUnit context is signed in.
/// </summary>
public abstract class AdminWorld : ShellContext, IAsyncLifetime
{
    protected static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);

    private TestDatabase _database = default!;
    private IHost _host = default!;
    private IServiceScope _scope = default!;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));

    protected Actor Admin { get; } = new("admin", new HashSet<string> { Roles.Administrator });

    protected Guid UnitId { get; private set; }

    protected UserAdminService UserAdmin => _scope.ServiceProvider.GetRequiredService<UserAdminService>();

    protected BalaiKotaDbContext CreateDbContext() => _database.CreateDbContext();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, Clock);
        _host = _database.BuildHost();
        _scope = _host.Services.CreateScope();
        await _scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedRolesAsync();
        await using (var db = _database.CreateDbContext())
        {
            TestUsers.Add(db, Roles.Administrator, Admin.UserId);
            var unit = new ResponsibleUnit("Bagian Umum", ResponsibleUnitKind.TechnicalUnit);
            db.ResponsibleUnits.Add(unit);
            await db.SaveChangesAsync();
            UnitId = unit.Id;
        }

        Services.AddSingleton(UserAdmin);
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<AuditLogService>());
        Services.AddSingleton<TimeProvider>(Clock);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("admin@balaikota.test");
        authorization.SetRoles(Roles.Administrator);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, Admin.UserId));
    }

    public new async ValueTask DisposeAsync()
    {
        _scope.Dispose();
        _host.Dispose();
        await _database.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

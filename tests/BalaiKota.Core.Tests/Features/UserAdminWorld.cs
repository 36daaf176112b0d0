using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Audit;
using BalaiKota.Core.Features.Users;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>
/// The Core services as the app registers them on a fresh database with the roles, one repair unit and one
/// administrator, "admin" (<see cref="Samples.Administrator"/>), who signs in with <see cref="AdminPassword"/>.
/// </summary>
internal sealed class UserAdminWorld : IAsyncDisposable
{
    public const string AdminPassword = "Rahasia-Admin-2026";

    private readonly IHost _host;

    private UserAdminWorld(TestDatabase database, IHost host, Guid unitId)
    {
        Database = database;
        _host = host;
        UnitId = unitId;
    }

    public TestDatabase Database { get; }

    public Guid UnitId { get; }

    public UserAdminService Users => _host.Services.GetRequiredService<UserAdminService>();

    public AuditLogService Audit => _host.Services.GetRequiredService<AuditLogService>();

    public static async Task<UserAdminWorld> CreateAsync(DatabaseProvider provider, FakeTimeProvider clock)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, clock);
        var host = database.BuildHost();
        Guid unitId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedRolesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = new ApplicationUser { Id = Samples.Administrator.UserId, UserName = "admin@balaikota.test", Email = "admin@balaikota.test", FullName = "Admin Satu" };
            Assert.True((await users.CreateAsync(admin, AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);

            await using var db = database.CreateDbContext();
            var unit = new ResponsibleUnit("Bagian Umum", ResponsibleUnitKind.TechnicalUnit);
            db.ResponsibleUnits.Add(unit);
            await db.SaveChangesAsync();
            unitId = unit.Id;
        }

        return new UserAdminWorld(database, host, unitId);
    }

    /// <summary>Reads an account as Identity stores it, in a scope of its own.</summary>
    public async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> read)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    /// <summary>The principal a sign-in of the account would carry.</summary>
    public async Task<ClaimsPrincipal> PrincipalOfAsync(string userId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user {userId}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    public Task<bool> SignsInAsync(string email, string password) => WithUserManagerAsync(async users =>
        await users.FindByEmailAsync(email) is { } user && await users.CheckPasswordAsync(user, password));

    public async Task<int> AuditCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Database.DisposeAsync();
    }
}

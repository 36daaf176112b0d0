using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BalaiKota.Core.Tests.Data;

/// <summary>A real installation: no demo data and no known password, one administrator from configuration.</summary>
public sealed class BootstrapAdminTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private IHost Build(string? password) => _database.BuildHost(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["BootstrapAdmin:Email"] = "kepala.tu@bandung.go.id",
        ["BootstrapAdmin:Password"] = password,
    });

    [Fact]
    public async Task CreatesTheConfiguredAdministratorOnceAndNoDemoAccounts()
    {
        using (var host = Build("Rahasia-Sekali-2026"))
        {
            await host.Services.InitializeBalaiKotaDatabaseAsync();
            await host.Services.InitializeBalaiKotaDatabaseAsync();

            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
            Assert.Equal("kepala.tu@bandung.go.id", admin.Email);
            Assert.True(await users.CheckPasswordAsync(admin, "Rahasia-Sekali-2026"));
        }

        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(0, await db.Opds.CountAsync());
        Assert.Equal(0, await db.Visits.CountAsync());
    }

    [Fact]
    public async Task StopsStartUpWhenTheConfiguredPasswordBreaksThePasswordRules()
    {
        using var host = Build("pendek");

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => host.Services.InitializeBalaiKotaDatabaseAsync());

        Assert.Contains("BootstrapAdmin:Password", error.Message, StringComparison.Ordinal);
    }
}

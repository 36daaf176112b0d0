using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Dashboard;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Dashboard;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The dashboard's filters on 20 November 2026, chosen faster than the browser answers.</summary>
public sealed class DashboardPageTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Guid _opdId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, _clock);
        await using var db = _database.CreateDbContext();
        await SampleRegistry.EnsureAsync(db);
        TestUsers.Add(db, Roles.Leadership, "pimpinan");
        await db.SaveChangesAsync();
        _opdId = await db.Opds.Where(o => o.ShortName == "Disdukcapil").Select(o => o.Id).SingleAsync();
        Services.AddSingleton(new DashboardService(_database, _clock));
        Services.AddSingleton<TimeProvider>(_clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ASecondChoiceMadeBeforeTheAddressOfTheFirstCameBackKeepsTheFirst()
    {
        var browser = new UnansweredNavigationManager("/dashboard");
        Services.AddSingleton<NavigationManager>(browser);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("pimpinan@balaikota.test");
        authorization.SetRoles(Roles.Leadership);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "pimpinan"));
        Render<MudPopoverProvider>();
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-testid=dashboard-filters]", Loading);

        await page.ChooseAsync("period-kind", PeriodKind.Quarter);
        await page.ChooseAsync("dashboard-opd", _opdId.ToString());

        Assert.Equal($"http://localhost/dashboard?period=2026-Q4&opd={_opdId}", browser.Requested[^1]);
    }
}

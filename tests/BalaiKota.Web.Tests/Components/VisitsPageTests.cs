using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Visits;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The visit list's filters on 20 November 2026, chosen faster than the browser answers.</summary>
public sealed class VisitsPageTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, _clock);
        await using var db = _database.CreateDbContext();
        await SampleRegistry.EnsureAsync(db);
        TestUsers.Add(db, Roles.Inspector, "peninjau");
        TestUsers.Add(db, Roles.Secretariat, "sekretariat");
        await db.SaveChangesAsync();
        Services.AddSingleton(new VisitService(_database, new TemplateCache(_database), Options.Create(new DueDays()), _clock));
        Services.AddSingleton<TimeProvider>(_clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ASecondFilterChosenBeforeTheAddressOfTheFirstCameBackKeepsTheFirst()
    {
        var browser = new UnansweredNavigationManager("/visits");
        Services.AddSingleton<NavigationManager>(browser);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("sekretariat@balaikota.test");
        authorization.SetRoles(Roles.Secretariat);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "sekretariat"));
        Render<MudPopoverProvider>();
        var page = Render<VisitsPage>();
        page.WaitForElement("[data-testid=visit-filter-status]", Loading);

        await page.ChooseAsync("visit-filter-status", nameof(VisitStatus.Submitted));
        await page.ChooseAsync("visit-filter-month", "2026-10");

        Assert.Equal("http://localhost/visits?status=Submitted&month=2026-10", browser.Requested[^1]);
    }
}

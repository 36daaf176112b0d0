using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Reports;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The reports page on 20 November 2026: the month, OPD and language chosen in the address become the report's and the exports' links.</summary>
public sealed class ReportsPageTests : ShellContext, IAsyncLifetime
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
        TestUsers.Add(db, Roles.Inspector, "peninjau");
        TestUsers.Add(db, Roles.Leadership, "pimpinan");
        await db.SaveChangesAsync();
        _opdId = await db.Opds.Where(o => o.ShortName == "Disdukcapil").Select(o => o.Id).SingleAsync();
        Services.AddSingleton(new VisitService(_database, new TemplateCache(_database), Options.Create(new DueDays()), _clock));
        Services.AddSingleton<TimeProvider>(_clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public void OffersTheMonthNowRunningInIndonesianForEveryOpdByDefault()
    {
        var page = RenderAt("/reports", "pimpinan", Roles.Leadership);

        Assert.Equal("/reports/monthly/2026-11.pdf?lang=id&download=true", page.Find("[data-testid=report-download]").GetAttribute("href"));
        Assert.Equal("/exports/findings/2026-11.csv?lang=id", page.Find("[data-testid=export-findings-csv]").GetAttribute("href"));
        Assert.Equal("/exports/tasks/2026-11.xlsx?lang=id", page.Find("[data-testid=export-tasks-xlsx]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=report-notice]"));
    }

    [Fact]
    public void TakesTheMonthOpdAndLanguageFromTheAddress()
    {
        var page = RenderAt($"/reports?month=2026-10&opd={_opdId.ToString().ToUpperInvariant()}&lang=en", "pimpinan", Roles.Leadership);

        Assert.Equal($"/reports/monthly/2026-10.pdf?lang=en&opd={_opdId}&download=true", page.Find("[data-testid=report-download]").GetAttribute("href"));
        Assert.Equal($"/exports/findings/2026-10.xlsx?lang=en&opd={_opdId}", page.Find("[data-testid=export-findings-xlsx]").GetAttribute("href"));
        Assert.Equal("Oktober 2026", page.Find("[data-testid=report-month]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=report-notice]"));
    }

    [Theory]
    [InlineData("/reports?month=2026-13")]
    [InlineData("/reports?month=2023-01")]
    [InlineData("/reports?opd=bukan-opd")]
    public void NamesAnUnknownMonthOrOpdInTheAddressAndOffersTheValidChoice(string address)
    {
        var page = RenderAt(address, "pimpinan", Roles.Leadership);

        Assert.Contains("tidak dikenal", page.Find("[data-testid=report-notice]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/reports/monthly/2026-11.pdf?lang=id&download=true", page.Find("[data-testid=report-download]").GetAttribute("href"));
    }

    [Fact]
    public void ShowsProgressWhileThePreviewRendersAndNotOnceItHasLoaded()
    {
        var page = RenderAt("/reports?month=2026-10", "pimpinan", Roles.Leadership);

        page.Find("[data-testid=report-preview]").Click();
        Assert.NotNull(page.Find("[data-testid=report-rendering]"));
        Assert.Equal("/reports/monthly/2026-10.pdf?lang=id", page.Find("iframe[data-testid=report-frame]").GetAttribute("src"));

        page.Find("iframe[data-testid=report-frame]").TriggerEvent("onload", new ProgressEventArgs());
        Assert.Empty(page.FindAll("[data-testid=report-rendering]"));
    }

    [Fact]
    public async Task ASecondChoiceMadeBeforeTheAddressOfTheFirstCameBackKeepsTheFirst()
    {
        var browser = new UnansweredNavigationManager("/reports");
        Services.AddSingleton<NavigationManager>(browser);
        var page = RenderAt("/reports", "pimpinan", Roles.Leadership);

        await page.ChooseAsync("report-month", "2026-10");
        await page.ChooseAsync("report-language", "en");

        Assert.Equal("http://localhost/reports?month=2026-10&lang=en", browser.Requested[^1]);
        Assert.Equal("/reports/monthly/2026-10.pdf?lang=en&download=true", page.Find("[data-testid=report-download]").GetAttribute("href"));
    }

    [Fact]
    public void TellsAnInspectorWhereTheReportsOfTheirVisitsAre()
    {
        var page = RenderAt("/reports", "peninjau", Roles.Inspector);

        Assert.Contains("halaman kunjungannya", page.Find("[data-testid=reports-own-visits]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=report-month]"));
        Assert.Empty(page.FindAll("[data-testid=report-download]"));
    }

    private IRenderedComponent<ReportsPage> RenderAt(string address, string userId, string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{userId}@balaikota.test");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ReportsPage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")), Loading);
        return page;
    }
}

using System.Globalization;
using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The PDF reports over HTTP, per role: leadership, the secretariat and administrators get every report, an
/// inspector those of their own visits, a repair unit none; a refusal is a 403 with its reason.</summary>
public sealed class ReportAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private const string OtherInspector = "peninjau-lain@balaikota.test";

    private static IReadOnlyDictionary<string, string> Emails => DemoAccounts.Emails;

    private static string LastMonth => DateTime.UtcNow.AddHours(7).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Secretariat, HttpStatusCode.OK)]
    [InlineData(Roles.Leadership, HttpStatusCode.OK)]
    [InlineData(Roles.Inspector, HttpStatusCode.Forbidden)]
    [InlineData(Roles.RepairUnit, HttpStatusCode.Forbidden)]
    public async Task ServesTheMonthlyReportOnlyToLeadershipSecretariatAndAdministrators(string role, HttpStatusCode expected)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync($"/reports/monthly/{LastMonth}.pdf");

        Assert.Equal(expected, response.StatusCode);
        await AssertPdfOrReasonAsync(response, expected);
    }

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Secretariat, HttpStatusCode.OK)]
    [InlineData(Roles.Leadership, HttpStatusCode.OK)]
    [InlineData(Roles.Inspector, HttpStatusCode.OK)]
    [InlineData(Roles.RepairUnit, HttpStatusCode.Forbidden)]
    public async Task ServesAVisitReportToTheRolesThatReadTheVisit(string role, HttpStatusCode expected)
    {
        var visitId = await SubmittedVisitAsync();
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync($"/reports/visits/{visitId}.pdf");

        Assert.Equal(expected, response.StatusCode);
        await AssertPdfOrReasonAsync(response, expected);
    }

    [Fact]
    public async Task RefusesAVisitReportToAnInspectorWhoWasNotOnTheTeam()
    {
        await EnsureOtherInspectorAsync();
        var visitId = await SubmittedVisitAsync();
        using var client = await Browserless.SignedInAsync(factory, OtherInspector);

        using var response = await client.GetAsync($"/reports/visits/{visitId}.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("tim lain", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsAnonymousVisitorsToSignIn()
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync($"/reports/monthly/{LastMonth}.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/monthly/2026-13.pdf", HttpStatusCode.BadRequest, "tttt-bb")]
    [InlineData("/reports/monthly/November.pdf", HttpStatusCode.BadRequest, "tttt-bb")]
    [InlineData("/reports/monthly/2026-11.pdf?opd=abc", HttpStatusCode.BadRequest, "OPD")]
    [InlineData("/reports/monthly/2026-11.pdf?opd=0190a1b2-0000-7000-8000-000000000000", HttpStatusCode.NotFound, "OPD")]
    [InlineData("/reports/monthly/2026-11.pdf?lang=fr", HttpStatusCode.BadRequest, "Bahasa")]
    [InlineData("/reports/visits/0190a1b2-0000-7000-8000-000000000000.pdf", HttpStatusCode.NotFound, "tidak ditemukan")]
    public async Task AnswersBadAddressesWithAPlainReason(string url, HttpStatusCode expected, string reason)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Leadership]);

        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffersAVisitReportOnlyOnceTheVisitIsSubmitted()
    {
        Guid visitId;
        await using (var db = await Contexts().CreateDbContextAsync())
        {
            visitId = await db.Visits.Where(v => v.Status != VisitStatus.Submitted).Select(v => v.Id).FirstAsync();
        }

        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Secretariat]);
        using var response = await client.GetAsync($"/reports/visits/{visitId}.pdf");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("setelah kunjungan dikirim", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsThePdfInTheBrowserUnlessADownloadIsAskedFor()
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Leadership]);

        using var inline = await client.GetAsync($"/reports/monthly/{LastMonth}.pdf?lang=en");
        using var download = await client.GetAsync($"/reports/monthly/{LastMonth}.pdf?download=true");

        Assert.Equal($"inline; filename=\"monthly-report-{LastMonth}.pdf\"", inline.Content.Headers.ContentDisposition?.ToString() ?? inline.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"laporan-bulanan-{LastMonth}.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    private static async Task AssertPdfOrReasonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("%PDF-"u8.ToArray(), body.Take(5));
        }
        else
        {
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Anda tidak berhak", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        }
    }

    private IDbContextFactory<BalaiKotaDbContext> Contexts() => factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>();

    /// <summary>A submitted demo visit led by the demo inspector.</summary>
    private async Task<Guid> SubmittedVisitAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync();
        var inspectorId = await db.Users.Where(u => u.Email == Emails[Roles.Inspector]).Select(u => u.Id).SingleAsync();
        return await db.Visits.Where(v => v.Status == VisitStatus.Submitted && v.LeadInspectorId == inspectorId).OrderByDescending(v => v.SubmittedAt).Select(v => v.Id).FirstAsync();
    }

    private async Task EnsureOtherInspectorAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(OtherInspector) is not null)
        {
            return;
        }

        var user = new ApplicationUser { UserName = OtherInspector, Email = OtherInspector, EmailConfirmed = true, FullName = "Peninjau Tim Lain" };
        Assert.True((await users.CreateAsync(user, BalaiKotaWebFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Inspector)).Succeeded);
    }
}

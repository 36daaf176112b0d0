using System.Globalization;
using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The export endpoints for each role on the demo data: who gets which file, and the plain refusals of a file link.</summary>
public sealed class ExportAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private static IReadOnlyDictionary<string, string> Emails => DemoAccounts.Emails;

    private static string Month => Wib.Today(TimeProvider.System).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(Roles.Administrator, "findings", "csv", "", "temuan-{0}.csv", "text/csv")]
    [InlineData(Roles.Secretariat, "tasks", "xlsx", "", "tindak-lanjut-{0}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(Roles.Leadership, "findings", "xlsx", "?lang=en", "findings-{0}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(Roles.Leadership, "tasks", "csv", "?lang=en", "follow-ups-{0}.csv", "text/csv")]
    public async Task GivesTheMonthsFilesToAdministratorsTheSecretariatAndLeadership(string role, string export, string format, string query, string fileName, string contentType)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync($"/exports/{export}/{Month}.{format}{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, fileName, Month), response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(Roles.Inspector, "findings")]
    [InlineData(Roles.Inspector, "tasks")]
    [InlineData(Roles.RepairUnit, "findings")]
    [InlineData(Roles.RepairUnit, "tasks")]
    public async Task RefusesTheMonthsFilesToInspectorsAndRepairUnitsWithAPlain403(string role, string export)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync($"/exports/{export}/{Month}.csv?opd={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Anda tidak berhak mengekspor data bulanan.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/exports/findings/2026-13.csv", HttpStatusCode.BadRequest, "Bulan tidak dikenali")]
    [InlineData("/exports/tasks/november.xlsx", HttpStatusCode.BadRequest, "Bulan tidak dikenali")]
    [InlineData("/exports/findings/2026-11.csv?opd=disdukcapil", HttpStatusCode.BadRequest, "Kode OPD tidak dikenali")]
    [InlineData("/exports/findings/2026-11.csv?opd=7d1f0a52-3c1e-4f7a-9a40-2b7d3f1c9e11", HttpStatusCode.NotFound, "OPD tidak ditemukan.")]
    public async Task SaysPlainlyWhatIsWrongWithTheAddress(string path, HttpStatusCode status, string message)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Administrator]);

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivesARepairUnitTheTasksOfItsOwnUnitOnlyFromTheListExport()
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.RepairUnit]);

        using var response = await client.GetAsync("/exports/follow-ups.csv?sort=DueDate&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var csv = CsvReader.Create(await response.Content.ReadAsByteArrayAsync(), new CsvReaderOptions { Separator = ';' });
        var units = new List<string>();
        while (csv.Read())
        {
            units.Add(csv.GetString("Unit penanggung jawab"));
        }

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();
        var unitId = await db.Users.Where(u => u.Email == Emails[Roles.RepairUnit]).Select(u => u.ResponsibleUnitId!.Value).SingleAsync();
        var unitName = await db.ResponsibleUnits.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync();
        Assert.Equal(await db.FollowUpTasks.CountAsync(t => t.ResponsibleUnitId == unitId), units.Count);
        Assert.NotEmpty(units);
        Assert.All(units, unit => Assert.Equal(unitName, unit));
    }

    [Theory]
    [InlineData("/exports/findings/2026-11.csv")]
    [InlineData("/exports/follow-ups.xlsx")]
    public async Task SendsAnAnonymousVisitorToSignIn(string path)
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

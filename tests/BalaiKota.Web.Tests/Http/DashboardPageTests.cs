using System.Globalization;
using System.Net;
using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The dashboard over HTTP on the demo data: a malformed period, an OPD or building that does not exist, and a period
/// without visits each give the page with a plain message, not an error page; roles without the dashboard never reach it.
/// </summary>
public sealed class DashboardPageTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private static IReadOnlyDictionary<string, string> Emails => DemoAccounts.Emails;

    [Theory]
    [InlineData("/dashboard?period=2026-Q9", "Periode “2026-Q9” di alamat tidak dikenali")]
    [InlineData("/dashboard?period=kemarin", "Periode “kemarin” di alamat tidak dikenali")]
    [InlineData("/dashboard?opd=00000000-0000-0000-0000-000000000001", "OPD di alamat tidak ditemukan. Ditampilkan semua OPD.")]
    [InlineData("/dashboard?opd=bukan-opd", "OPD di alamat tidak ditemukan. Ditampilkan semua OPD.")]
    [InlineData("/dashboard?building=00000000-0000-0000-0000-000000000001", "Gedung di alamat tidak ditemukan. Ditampilkan semua gedung.")]
    public async Task AMalformedOrUnknownFilterIsNamedAndTheRestOfThePageStillShows(string address, string message)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Leadership]);

        using var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"dashboard-notice\"", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"key-figures\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeriodWithoutVisitsSaysSoInsteadOfShowingZeros()
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Secretariat]);

        using var response = await client.GetAsync("/dashboard?period=2001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Belum ada kunjungan yang diserahkan pada 2001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"figure-comfort\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"ranking\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastFullMonthOfTheDemoShowsItsFiguresRankingAndHotSpots()
    {
        var lastMonth = DateTime.UtcNow.AddHours(7).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Administrator]);

        using var response = await client.GetAsync($"/dashboard?period={lastMonth}");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var part in new[] { "figure-visits", "figure-comfort", "figure-median", "chart-areas", "ranking-row", "hot-spots", "trend-table" })
        {
            Assert.Contains($"data-testid=\"{part}\"", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("data-testid=\"dashboard-empty\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.RepairUnit)]
    public async Task RolesWithoutTheDashboardAreTurnedAwayWhateverTheAddressSays(string role)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync("/dashboard?period=2026-Q4");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

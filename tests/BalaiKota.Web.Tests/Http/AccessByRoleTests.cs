using System.Net;
using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The route table of the walking-skeleton issue, written out here on its own so that a change to
/// the app's access table that disagrees with it fails a test.
/// </summary>
public sealed class AccessByRoleTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["/visits"] = [Roles.Administrator, Roles.Inspector, Roles.Secretariat, Roles.Leadership],
        ["/follow-ups"] = [Roles.Administrator, Roles.Inspector, Roles.Secretariat, Roles.Leadership, Roles.RepairUnit],
        ["/dashboard"] = [Roles.Administrator, Roles.Secretariat, Roles.Leadership],
        ["/reports"] = [Roles.Administrator, Roles.Inspector, Roles.Secretariat, Roles.Leadership],
        ["/admin"] = [Roles.Administrator],
    };

    private static IReadOnlyDictionary<string, string> Emails => DemoAccounts.Emails;

    public static TheoryData<string, string> RoutesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Allowed.Keys)
        {
            foreach (var role in Roles.All)
            {
                data.Add(route, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesAndRoles))]
    public async Task ServesEachPageOnlyToTheRolesOfTheRouteTable(string route, string role)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync(route);

        if (Allowed[route].Contains(role))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var content = (route, role) switch
            {
                ("/visits", _) => "data-testid=\"visit-list\"",
                ("/follow-ups", _) => "data-testid=\"task-list\"",
                ("/reports", Roles.Inspector) => "data-testid=\"reports-own-visits\"",
                ("/reports", _) => "data-testid=\"report-month\"",
                ("/dashboard", _) => "data-testid=\"key-figures\"",
                ("/admin", _) => "data-testid=\"admin-areas\"",
                _ => throw new ArgumentOutOfRangeException(nameof(route), route, "No content check for this route."),
            };
            Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/visits")]
    [InlineData("/follow-ups")]
    [InlineData("/dashboard")]
    [InlineData("/reports")]
    [InlineData("/admin")]
    [InlineData("/")]
    public async Task SendsAnonymousVisitorsToSignInAndBackAfterwards(string route)
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(route)}", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Administrator, "/admin")]
    [InlineData(Roles.Secretariat, "/follow-ups")]
    [InlineData(Roles.Leadership, "/dashboard")]
    public async Task LandsEachRoleWithoutAHomeOfItsOwnOnItsArea(string role, string home)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Inspector, "home-week|home-in-progress|home-verify", "home-unit-tasks")]
    [InlineData(Roles.RepairUnit, "home-unit-tasks", "home-week|home-in-progress|home-verify")]
    public async Task ServesInspectorsAndRepairUnitsTheirOwnHomeAndNotTheOthers(string role, string sections, string notShown)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains(">Beranda</h1>", html, StringComparison.Ordinal);
        Assert.All(sections.Split('|'), section => Assert.Contains($"data-testid=\"{section}\"", html, StringComparison.Ordinal));
        Assert.All(notShown.Split('|'), section => Assert.DoesNotContain($"data-testid=\"{section}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TellsASignedInUserPlainlyThatAPageIsNotForThem()
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.RepairUnit]);

        var html = await client.GetStringAsync("/Account/AccessDenied");

        Assert.Contains("Tidak ada akses", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}

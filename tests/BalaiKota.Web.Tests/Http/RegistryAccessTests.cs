using System.Net;
using System.Text;
using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The registry pages and its CSV files for each of the five roles on the demo data: administrators only.</summary>
public sealed class RegistryAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private static IReadOnlyDictionary<string, string> Emails => DemoAccounts.Emails;

    public static TheoryData<string, string> PagesAndRoles() => EachRole("/admin/opds", "/admin/rooms");

    public static TheoryData<string, string> FilesAndRoles() => EachRole("opds", "buildings", "rooms");

    [Theory]
    [MemberData(nameof(PagesAndRoles))]
    public async Task ServesTheRegistryPagesToAdministratorsOnly(string page, string role)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync(page);

        if (role == Roles.Administrator)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(page == "/admin/opds" ? "data-testid=\"opd-table\"" : "data-testid=\"room-table\"", html, StringComparison.Ordinal);
            Assert.Contains("Disdukcapil", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(FilesAndRoles))]
    public async Task GivesTheRegistryFilesToAdministratorsAndAPlain403ToEveryoneElse(string file, string role)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var response = await client.GetAsync($"/admin/registry/{file}.csv");

        if (role == Roles.Administrator)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var name = file switch { "opds" => "opd.csv", "buildings" => "gedung.csv", _ => "ruangan.csv" };
            Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains(file == "buildings" ? "Gedung Balai Kota Utama" : "Disdukcapil", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("Anda tidak berhak mengekspor daftar ruangan.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AnswersAnUnknownRegistryFileWith404()
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Administrator]);

        using var response = await client.GetAsync("/admin/registry/users.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/opds")]
    [InlineData("/admin/rooms")]
    [InlineData("/admin/registry/rooms.csv")]
    public async Task SendsAnAnonymousVisitorToSignIn(string path)
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static TheoryData<string, string> EachRole(params string[] items)
    {
        var data = new TheoryData<string, string>();
        foreach (var item in items)
        {
            foreach (var role in Roles.All)
            {
                data.Add(item, role);
            }
        }

        return data;
    }
}

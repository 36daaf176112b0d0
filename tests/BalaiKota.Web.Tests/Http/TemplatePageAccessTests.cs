using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The checklist template pages for each of the five roles: administrators are served, everyone else is refused.</summary>
public sealed class TemplatePageAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    public static TheoryData<string, string> PagesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "list", "version" })
        {
            foreach (var role in Roles.All)
            {
                data.Add(page, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndRoles))]
    public async Task ServesTheTemplatePagesToAdministratorsOnly(string page, string role)
    {
        var route = page == "list" ? "/admin/templates" : $"/admin/templates/{await PublishedIdAsync()}";
        using var client = await Browserless.SignedInAsync(factory, DemoAccounts.Emails[role]);

        using var response = await client.GetAsync(route);

        if (role == Roles.Administrator)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(page == "list" ? "data-testid=\"published-version\"" : "data-testid=\"read-only\"", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"item-HEAT-WORK\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SendsAnonymousVisitorsToSignIn()
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync("/admin/templates");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysPlainlyThatAnUnknownVersionIsNotThere()
    {
        using var client = await Browserless.SignedInAsync(factory, DemoAccounts.Emails[Roles.Administrator]);

        using var response = await client.GetAsync($"/admin/templates/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Templat tidak ditemukan.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Guid> PublishedIdAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();
        return await db.ChecklistTemplates.Where(t => t.Status == TemplateStatus.Published).Select(t => t.Id).SingleAsync();
    }
}

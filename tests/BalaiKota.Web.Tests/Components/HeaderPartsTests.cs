using System.Security.Claims;
using BalaiKota.Core.Domain;
using BalaiKota.Web.Components.Layout;
using BalaiKota.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Components;

public class HeaderPartsTests : ShellContext
{
    [Fact]
    public void TheLanguageSwitchOffersEnglishAndComesBackToTheSamePage()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/visits?bulan=2026-11");
        var button = Render<LanguageSwitch>();

        Assert.Equal("English", button.Find("[data-testid=language-switch]").TextContent.Trim());
        button.Find("[data-testid=language-switch]").Click();

        Assert.Equal("http://localhost/culture/set?culture=en-US&redirectUri=%2Fvisits%3Fbulan%3D2026-11", navigation.Uri);
    }

    [Fact]
    public void TheLanguageSwitchOffersIndonesianFromEnglish()
    {
        UseCulture("en-US");

        var button = Render<LanguageSwitch>();

        Assert.Equal("Bahasa Indonesia", button.Find("[data-testid=language-switch]").TextContent.Trim());
    }

    [Fact]
    public void TheUserMenuNamesTheUserAndTheirRoleInIndonesianAndSignsOutByPost()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "pelaksana@balaikota.test"), new Claim(ClaimTypes.Role, Roles.RepairUnit)], "test"));

        var menu = Render<UserMenu>(p => p.Add(m => m.User, user));

        Assert.Equal("Masuk sebagai pelaksana@balaikota.test (Pelaksana)", menu.Find("[data-testid=signed-in-as]").TextContent.Trim());
        var form = menu.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Account/Logout", form.GetAttribute("action"));
    }

    [Fact]
    public void TheNoAccessPanelExplainsAndLeadsHome()
    {
        var panel = Render<NoAccess>();

        Assert.Equal("Tidak ada akses", panel.Find("h1").TextContent.Trim());
        Assert.Contains("hubungi administrator", panel.Find("[data-testid=no-access]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/", panel.Find("a").GetAttribute("href"));
    }
}

using BalaiKota.Core.Domain;
using BalaiKota.Web.Components.Layout;
using Bunit;

namespace BalaiKota.Web.Tests.Components;

public class NavMenuTests : ShellContext
{
    [Theory]
    [InlineData(Roles.Administrator, "Kunjungan|Tindak Lanjut|Dasbor|Laporan|Administrasi")]
    [InlineData(Roles.Inspector, "Beranda|Kunjungan|Tindak Lanjut|Laporan")]
    [InlineData(Roles.Secretariat, "Kunjungan|Tindak Lanjut|Dasbor|Laporan")]
    [InlineData(Roles.Leadership, "Kunjungan|Tindak Lanjut|Dasbor|Laporan")]
    [InlineData(Roles.RepairUnit, "Beranda|Tindak Lanjut")]
    public void ShowsEachRoleOnlyTheAreasItMayOpen(string role, string expected)
    {
        SignInAs(role);

        var menu = Render<NavMenu>();

        Assert.Equal(expected.Split('|'), menu.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void LinksEachAreaToItsRoute()
    {
        SignInAs(Roles.Administrator);

        var menu = Render<NavMenu>();

        Assert.Equal(["/visits", "/follow-ups", "/dashboard", "/reports", "/admin"], menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void LinksTheHomeOfARepairUnitToTheRoot()
    {
        SignInAs(Roles.RepairUnit);

        var menu = Render<NavMenu>();

        Assert.Equal(["/", "/follow-ups"], menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");
        SignInAs(Roles.Inspector);

        var menu = Render<NavMenu>();

        Assert.Equal(["Home", "Visits", "Follow-ups", "Reports"], menu.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()));
    }
}

using BalaiKota.Core.Domain;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Components.Shared;
using Bunit;

namespace BalaiKota.Web.Tests.Components;

public class ComingSoonTests : ShellContext
{
    [Theory]
    [InlineData(Roles.Leadership, PageAccess.Visits, "Akses Anda: hanya melihat, tanpa mengubah.")]
    [InlineData(Roles.Inspector, PageAccess.FollowUps, "Akses Anda: memverifikasi perbaikan yang sudah selesai.")]
    [InlineData(Roles.RepairUnit, PageAccess.FollowUps, "Akses Anda: tugas unit Anda sendiri.")]
    [InlineData(Roles.Inspector, PageAccess.Reports, "Akses Anda: laporan kunjungan yang Anda ikuti.")]
    [InlineData(Roles.Secretariat, PageAccess.FollowUps, "Akses Anda: lihat dan ubah.")]
    public void SaysPlainlyThatTheFeatureIsComingAndWhatTheRoleMayDoThere(string role, string area, string access)
    {
        SignInAs(role);

        var page = Render<ComingSoon>(p => p.Add(c => c.Area, area).Add(c => c.TextKey, "FollowUps"));

        Assert.Equal("Tindak Lanjut", page.Find("h1").TextContent.Trim());
        Assert.Contains("Segera hadir", page.Find("[data-testid=coming-soon]").TextContent, StringComparison.Ordinal);
        Assert.Equal(access, page.Find("[data-testid=access-level]").TextContent.Trim());
    }

    [Fact]
    public void SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");
        SignInAs(Roles.Administrator);

        var page = Render<ComingSoon>(p => p.Add(c => c.Area, PageAccess.Admin).Add(c => c.TextKey, "Admin"));

        Assert.Equal("Administration", page.Find("h1").TextContent.Trim());
        Assert.Contains("Coming soon", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Your access: read and change.", page.Find("[data-testid=access-level]").TextContent.Trim());
    }
}

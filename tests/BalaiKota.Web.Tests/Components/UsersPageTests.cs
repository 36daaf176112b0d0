using AngleSharp.Dom;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Users;
using BalaiKota.Web.Features.Admin.Users;
using Bunit;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The users page on a real database: the list, a password shown once, and refusals said plainly.</summary>
public sealed class UsersPageTests : AdminWorld
{
    [Fact]
    public async Task ListsTheAccountsWithRolesUnitAndStatus()
    {
        var budi = await UserAdmin.CreateAsync(Admin, new CreateUserRequest("Budi Pelaksana", "budi@bandung.go.id", [Roles.RepairUnit], UnitId));
        await UserAdmin.LockAsync(Admin, budi.UserId, null);

        var (page, _) = RenderPage();

        var row = RowOf(page, "budi@bandung.go.id");
        Assert.Equal(["Pelaksana"], row.QuerySelectorAll("[data-testid=user-role]").Select(c => c.TextContent.Trim()));
        Assert.Equal("Bagian Umum", row.QuerySelector("[data-testid=user-unit-name]")!.TextContent.Trim());
        Assert.Equal("Terkunci", row.QuerySelector("[data-testid=user-status]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-testid=user-unlock]"));
        Assert.Equal("Aktif", RowOf(page, "admin@balaikota.test").QuerySelector("[data-testid=user-status]")!.TextContent.Trim());
        Assert.Equal("Kata sandi sementara", row.QuerySelector("[data-testid=user-temporary-password]")!.TextContent.Trim());
        Assert.Null(RowOf(page, "admin@balaikota.test").QuerySelector("[data-testid=user-temporary-password]"));
    }

    [Fact]
    public async Task ShowsANewTemporaryPasswordOnceAfterTheResetIsConfirmed()
    {
        await UserAdmin.CreateAsync(Admin, new CreateUserRequest("Sari Dewi", "sari@bandung.go.id", [Roles.Inspector], null));
        var (page, dialogs) = RenderPage();

        RowOf(page, "sari@bandung.go.id").QuerySelector("[data-testid=user-reset-password]")!.Click();
        dialogs.WaitForElement("[data-testid=confirm-yes]", Loading).Click();

        page.WaitForAssertion(() => Assert.Matches("^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$", page.Find("[data-testid=temporary-password]").TextContent.Trim()), Loading);
        Assert.Contains("Sari Dewi (sari@bandung.go.id)", page.Find("[data-testid=temporary-password-notice]").TextContent, StringComparison.Ordinal);
        page.Find("[data-testid=temporary-password-done]").Click();
        Assert.Empty(page.FindAll("[data-testid=temporary-password]"));
    }

    [Fact]
    public void SaysPlainlyWhyAnAdministratorCannotDeactivateThemselves()
    {
        var (page, dialogs) = RenderPage();

        RowOf(page, "admin@balaikota.test").QuerySelector("[data-testid=user-deactivate]")!.Click();
        dialogs.WaitForElement("[data-testid=confirm-yes]", Loading).Click();

        page.WaitForAssertion(() => Assert.Equal("Anda tidak dapat menonaktifkan akun Anda sendiri.", page.Find("[data-testid=users-error]").TextContent.Trim()), Loading);
        Assert.Equal("Aktif", RowOf(page, "admin@balaikota.test").QuerySelector("[data-testid=user-status]")!.TextContent.Trim());
    }

    private (IRenderedComponent<UsersPage> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderPage()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<UsersPage>();
        page.WaitForElement("[data-testid=users-table]", Loading);
        return (page, dialogs);
    }

    private static IElement RowOf(IRenderedComponent<UsersPage> page, string email) =>
        page.FindAll("tr").Single(r => r.QuerySelector("[data-testid=user-email]")?.TextContent.Trim() == email);
}

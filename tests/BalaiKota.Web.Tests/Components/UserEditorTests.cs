using AngleSharp.Dom;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Users;
using BalaiKota.Web.Features.Admin.Users;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The account dialog on a real database: what it asks for, and the server's refusals shown in it.</summary>
public sealed class UserEditorTests : AdminWorld
{
    [Fact]
    public async Task AsksForAUnitOnlyForARepairUnitMemberAndKeepsTheDialogOpenWhenItIsMissing()
    {
        var (dialog, _) = await OpenAsync(null);
        Assert.Empty(dialog.FindAll("[data-testid=user-unit]"));

        Field(dialog, "user-name").Change("Budi Pelaksana");
        Field(dialog, "user-email-input").Change("budi@bandung.go.id");
        Field(dialog, "user-role-RepairUnit").Change(true);
        Assert.NotEmpty(dialog.FindAll("[data-testid=user-unit]"));
        dialog.Find("[data-testid=user-save]").Click();

        dialog.WaitForAssertion(() => Assert.Equal("Pengguna berperan Pelaksana harus memiliki unit pelaksana.", dialog.Find("[data-testid=user-editor-error]").TextContent.Trim()), Loading);
        Assert.NotEmpty(dialog.FindAll("[data-testid=user-editor]"));
        Assert.DoesNotContain(await UserAdmin.ListAsync(Admin), u => u.Email == "budi@bandung.go.id");

        Field(dialog, "user-role-RepairUnit").Change(false);
        Assert.Empty(dialog.FindAll("[data-testid=user-unit]"));
    }

    [Fact]
    public async Task ShowsTheLastAdministratorRefusalAndChangesNothing()
    {
        var me = (await UserAdmin.ListAsync(Admin)).Single();
        var (dialog, _) = await OpenAsync(me);

        Field(dialog, "user-role-Administrator").Change(false);
        Field(dialog, "user-role-Inspector").Change(true);
        dialog.Find("[data-testid=user-save]").Click();

        dialog.WaitForAssertion(() => Assert.StartsWith("Perubahan ditolak: harus tetap ada paling sedikit satu administrator aktif.", dialog.Find("[data-testid=user-editor-error]").TextContent.Trim(), StringComparison.Ordinal), Loading);
        Assert.Equal([Roles.Administrator], (await UserAdmin.ListAsync(Admin)).Single().Roles);
    }

    [Fact]
    public async Task CreatesTheAccountAndClosesWithItsTemporaryPassword()
    {
        var (dialog, reference) = await OpenAsync(null);

        Field(dialog, "user-name").Change("Sari Dewi");
        Field(dialog, "user-email-input").Change("sari@bandung.go.id");
        Field(dialog, "user-role-Inspector").Change(true);
        dialog.Find("[data-testid=user-save]").Click();

        var result = await reference.Result.WaitAsync(Loading);
        var created = Assert.IsType<CreatedUser>(result!.Data);
        Assert.NotNull(created.TemporaryPassword);
        Assert.Equal([Roles.Inspector], (await UserAdmin.ListAsync(Admin)).Single(u => u.Id == created.UserId).Roles);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialog, IDialogReference Reference)> OpenAsync(UserRow? user)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<UserEditor> { { e => e.User, user }, { e => e.Units, await UserAdmin.UnitsAsync(Admin) } };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await Services.GetRequiredService<IDialogService>().ShowAsync<UserEditor>("Pengguna", parameters));
        provider.WaitForElement("[data-testid=user-editor]", Loading);
        return (provider, reference!);
    }

    private static IElement Field(IRenderedComponent<MudDialogProvider> dialog, string testId)
    {
        var field = dialog.Find($"[data-testid={testId}]");
        return field.LocalName == "input" ? field : field.QuerySelector("input") ?? throw new InvalidOperationException($"No input in {testId}.");
    }
}

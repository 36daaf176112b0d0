using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Users;
using BalaiKota.Web.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// An account signed in with the password an administrator set opens nothing but the change-password page, for each
/// of the five roles, until the user replaces it; then the role's pages open as usual.
/// </summary>
public sealed class TemporaryPasswordTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private const string Given = "Diberikan-Admin-2026";
    private const string Chosen = "Pilihan-Sendiri-2026";

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task HoldsTheSignInAtTheChangePasswordPageUntilThePasswordIsReplaced(string role)
    {
        var email = await CreateAsync(role);
        using var client = Browserless.Client(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserless.SignInAsync(client, email, Given)).StatusCode);
        var (home, other) = PagesOf(role);

        foreach (var page in new[] { home, other })
        {
            using var held = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal(TemporaryPasswordGate.ChangePasswordPath, held.Headers.Location!.OriginalString);
        }

        using (var file = await client.GetAsync("/admin/registry/opds.csv"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, file.StatusCode);
            Assert.Contains("Ganti dulu kata sandi sementara", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, circuit.StatusCode);
        }

        var form = WebUtility.HtmlDecode(await client.GetStringAsync(TemporaryPasswordGate.ChangePasswordPath));
        Assert.Contains("Kata sandi Anda diberikan oleh administrator.", form, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"password-continue\"", form, StringComparison.Ordinal);
        using (var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(form) })))
        {
            Assert.Equal("/Account/Login", signOut.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Browserless.SignInAsync(client, email, Given)).StatusCode);

        Assert.Contains("Kata sandi baru harus berbeda dari kata sandi sekarang.", await Browserless.ChangePasswordAsync(client, Given, Given, Given), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(home)).StatusCode);

        var done = await Browserless.ChangePasswordAsync(client, Given, Chosen, Chosen);
        Assert.Contains("Kata sandi Anda sudah diganti.", done, StringComparison.Ordinal);
        Assert.Contains("Lanjutkan ke BalaiKota", done, StringComparison.Ordinal);
        using var open = await client.GetAsync(home);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.False(await StillMarkedAsync(email));
    }

    [Fact]
    public async Task HoldsTheSignInAgainWhenAnAdministratorResetsAPasswordTheUserHadChosen()
    {
        var email = await CreateAsync(Roles.Secretariat);
        using (var first = Browserless.Client(factory))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Browserless.SignInAsync(first, email, Given)).StatusCode);
            await Browserless.ChangePasswordAsync(first, Given, Chosen, Chosen);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/follow-ups")).StatusCode);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        var reset = await scope.ServiceProvider.GetRequiredService<UserAdminService>().ResetPasswordAsync(await AdminAsync(scope.ServiceProvider), userId);

        using var client = Browserless.Client(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserless.SignInAsync(client, email, reset)).StatusCode);
        using var held = await client.GetAsync("/follow-ups");
        Assert.Equal(TemporaryPasswordGate.ChangePasswordPath, held.Headers.Location!.OriginalString);
    }

    /// <summary>Where the role lands after signing in, and another page the role may open.</summary>
    private static (string Home, string Other) PagesOf(string role) => role switch
    {
        Roles.Administrator => ("/admin", "/admin/users"),
        Roles.Secretariat => ("/follow-ups", "/visits"),
        Roles.Leadership => ("/dashboard", "/reports"),
        Roles.Inspector => ("/", "/visits"),
        _ => ("/", "/follow-ups"),
    };

    private static async Task<Actor> AdminAsync(IServiceProvider services)
    {
        var adminId = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoAccounts.Emails[Roles.Administrator]))!.Id;
        return new Actor(adminId, new HashSet<string> { Roles.Administrator });
    }

    private async Task<string> CreateAsync(string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        Guid? unit = null;
        if (role == Roles.RepairUnit)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();
            unit = await db.ResponsibleUnits.Select(u => (Guid?)u.Id).FirstAsync();
        }

        var email = $"baru-{Guid.NewGuid():N}@bandung.go.id";
        await services.GetRequiredService<UserAdminService>().CreateAsync(await AdminAsync(services), new CreateUserRequest("Pegawai Baru", email, [role], unit, Given));
        return email;
    }

    private async Task<bool> StillMarkedAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.MustChangePassword;
    }
}

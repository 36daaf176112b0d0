using System.Net;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The users and audit pages for each of the five roles on the demo data, and the sign-in form refusing an account
/// an administrator has deactivated or locked.
/// </summary>
public sealed class UserAdminAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    public static TheoryData<string, string> RoutesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "/admin/users", "/admin/audit" })
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
    public async Task ServesTheUsersAndAuditPagesToAdministratorsOnly(string route, string role)
    {
        using var client = await Browserless.SignedInAsync(factory, DemoAccounts.Emails[role]);

        using var response = await client.GetAsync(route);

        if (role == Roles.Administrator)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(route == "/admin/users" ? "data-testid=\"users-table\"" : "data-testid=\"audit-row\"", html, StringComparison.Ordinal);
            Assert.Contains(route == "/admin/users" ? "Pelaksana Demo" : "Log audit", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task SendsAnonymousVisitorsToSignIn(string route)
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(route)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task RefusesToSignInAnAccountThatIsDeactivatedOrLockedAndSignsItInAgainOnceRestored()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoAccounts.Emails[Roles.Administrator]))!.Id;
        var admin = new Actor(adminId, new HashSet<string> { Roles.Administrator });
        var email = $"petugas-{Guid.NewGuid():N}@bandung.go.id";
        var created = await users.CreateAsync(admin, new CreateUserRequest("Petugas Baru", email, [Roles.Inspector], null));
        var password = created.TemporaryPassword!;
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, password)).StatusCode);

        await users.SetActiveAsync(admin, created.UserId, active: false);
        var inactive = await SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, inactive.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await inactive.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await users.SetActiveAsync(admin, created.UserId, active: true);
        await users.LockAsync(admin, created.UserId, null);
        var locked = await SignInAsync(email, password);
        Assert.Equal("/Account/Lockout", locked.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));

        await users.UnlockAsync(admin, created.UserId);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(email, password)).StatusCode);
    }

    private async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var client = Browserless.Client(factory);
        return await Browserless.SignInAsync(client, email, password);
    }
}

using System.Net;

namespace BalaiKota.Web.Tests.Http;

public sealed class SignInTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    [Fact]
    public async Task RefusesAWrongPasswordWithAnIndonesianMessageAndNoSession()
    {
        using var client = Browserless.Client(factory);

        using var response = await Browserless.SignInAsync(client, "peninjau@balaikota.test", "salah-sekali");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email atau kata sandi salah.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/visits")).StatusCode);
    }

    [Fact]
    public async Task AsksForTheMissingFieldsInsteadOfTryingToSignIn()
    {
        using var client = Browserless.Client(factory);

        using var response = await Browserless.SignInAsync(client, "bukan-email", string.Empty);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Tulis email dengan benar", html, StringComparison.Ordinal);
        Assert.Contains("Kata sandi wajib diisi.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocksTheAccountAfterFiveFailedAttempts()
    {
        using var client = Browserless.Client(factory);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await Browserless.SignInAsync(client, "pimpinan@balaikota.test", "salah");
        }

        using var fifth = await Browserless.SignInAsync(client, "pimpinan@balaikota.test", "salah");
        using var withRightPassword = await Browserless.SignInAsync(client, "pimpinan@balaikota.test", BalaiKotaWebFactory.DemoPassword);

        Assert.Equal("/Account/Lockout", fifth.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
        Assert.Equal("/Account/Lockout", withRightPassword.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
        Assert.Contains("Akun terkunci sementara", await client.GetStringAsync("/Account/Lockout"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignsOutOnlyThroughAPostWithTheAntiforgeryToken()
    {
        using var client = await Browserless.SignedInAsync(factory, "sekretariat@balaikota.test");
        var page = await client.GetStringAsync("/follow-ups");

        using var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/follow-ups")).StatusCode);

        using var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/follow-ups")).StatusCode);
    }
}

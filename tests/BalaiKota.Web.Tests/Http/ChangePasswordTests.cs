using System.Net;

namespace BalaiKota.Web.Tests.Http;

public sealed class ChangePasswordTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    [Theory]
    [InlineData("bukan-ini", "Baru-Sekali-2026", "Baru-Sekali-2026", "Kata sandi sekarang salah.")]
    [InlineData(BalaiKotaWebFactory.DemoPassword, "Pendek1a", "Pendek1a", "Kata sandi paling sedikit 10 karakter.")]
    [InlineData(BalaiKotaWebFactory.DemoPassword, "tanpahurufbesar1", "tanpahurufbesar1", "Kata sandi harus memuat huruf besar (A–Z).")]
    [InlineData(BalaiKotaWebFactory.DemoPassword, "Baru-Sekali-2026", "Baru-Sekali-2027", "Kata sandi baru dan ulangannya tidak sama.")]
    [InlineData(BalaiKotaWebFactory.DemoPassword, "", "", "Semua isian wajib diisi.")]
    public async Task RefusesWithAnIndonesianReasonAndKeepsTheOldPassword(string current, string next, string confirm, string message)
    {
        using var client = await Browserless.SignedInAsync(factory, "sekretariat@balaikota.test");

        var html = await Browserless.ChangePasswordAsync(client, current, next, confirm);

        Assert.Contains(message, html, StringComparison.Ordinal);
        using var fresh = Browserless.Client(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserless.SignInAsync(fresh, "sekretariat@balaikota.test", BalaiKotaWebFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task ChangesThePasswordAndKeepsThisDeviceSignedIn()
    {
        using var client = await Browserless.SignedInAsync(factory, "pimpinan@balaikota.test");

        var html = await Browserless.ChangePasswordAsync(client, BalaiKotaWebFactory.DemoPassword, "Pimpinan-Baru-2026", "Pimpinan-Baru-2026");

        Assert.Contains("Kata sandi Anda sudah diganti.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        using var fresh = Browserless.Client(factory);
        Assert.Equal(HttpStatusCode.OK, (await Browserless.SignInAsync(fresh, "pimpinan@balaikota.test", BalaiKotaWebFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserless.SignInAsync(fresh, "pimpinan@balaikota.test", "Pimpinan-Baru-2026")).StatusCode);
    }

    [Fact]
    public async Task IsOnlyForSignedInUsers()
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync("/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

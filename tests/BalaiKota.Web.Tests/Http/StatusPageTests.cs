using System.Net;

namespace BalaiKota.Web.Tests.Http;

public sealed class StatusPageTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    [Fact]
    public async Task SaysPlainlyInIndonesianThatAnAddressDoesNotExist()
    {
        using var client = await Browserless.SignedInAsync(factory, "admin@balaikota.test");

        using var response = await client.GetAsync("/tidak-ada");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesTheCodeOfAnyOtherRefusalInsteadOfCallingItNotFound()
    {
        using var client = await Browserless.SignedInAsync(factory, "admin@balaikota.test");

        // The page that UseStatusCodePagesWithReExecute shows for a 405 (or any code without a body of its own).
        var html = await client.GetStringAsync("/status/405");

        Assert.Contains("Permintaan tidak dapat diproses", html, StringComparison.Ordinal);
        Assert.Contains("kode 405", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Halaman tidak ditemukan", html, StringComparison.Ordinal);
    }
}

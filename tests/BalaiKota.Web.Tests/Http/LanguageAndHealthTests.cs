using System.Net;

namespace BalaiKota.Web.Tests.Http;

public sealed class LanguageAndHealthTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    [Fact]
    public async Task SpeaksIndonesianUntilTheUserChoosesEnglish()
    {
        using var client = await Browserless.SignedInAsync(factory, "admin@balaikota.test");
        Assert.Contains("Templat daftar periksa", await client.GetStringAsync("/admin"), StringComparison.Ordinal);

        using var switched = await client.GetAsync("/culture/set?culture=en-US&redirectUri=%2Fadmin");
        var english = await client.GetStringAsync("/admin");

        Assert.Equal("/admin", switched.Headers.Location!.OriginalString);
        Assert.Contains("Checklist templates", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/phish")]
    [InlineData("//example.com")]
    public async Task NeverRedirectsOffSiteAfterChangingTheLanguage(string target)
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync($"/culture/set?culture=en-US&redirectUri={Uri.EscapeDataString(target)}");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ReportsHealthyWhileTheDatabaseAnswers()
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

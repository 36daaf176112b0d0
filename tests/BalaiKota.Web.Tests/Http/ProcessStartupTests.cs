using System.Net;
using BalaiKota.Testing;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The app started as its own process, as a newcomer starts it.</summary>
public sealed class ProcessStartupTests
{
    [Fact]
    public async Task StopsWithOneClearLineWhenTheProviderIsUnknown()
    {
        var (exitCode, stderr, _) = await AppProcess.RunToExitAsync(new Dictionary<string, string> { ["Database__Provider"] = "Oracle" }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Equal("BalaiKota cannot start: Database:Provider 'Oracle' is not known; use Sqlite (the default) or Postgres.", stderr.Trim());
    }

    [Fact]
    public async Task StopsWithOneClearLineWhenTheDatabaseCannotBeReached()
    {
        var (exitCode, stderr, stdout) = await AppProcess.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__BalaiKota"] = "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=2",
            },
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("BalaiKota cannot start: The Postgres database cannot be reached or migrated", line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:BalaiKota", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
    }

    /// <summary>A label address a phone cannot open: without a scheme, or not http(s).</summary>
    [Theory]
    [InlineData("balaikota.example.go.id")]
    [InlineData("ftp://balaikota.example.go.id/")]
    public async Task StopsWithOneClearLineWhenTheLabelAddressIsNotAnAbsoluteHttpAddress(string value)
    {
        var file = SqliteFiles.NewPath("process");
        try
        {
            var (exitCode, stderr, _) = await AppProcess.RunToExitAsync(
                new Dictionary<string, string> { ["ConnectionStrings__BalaiKota"] = $"Data Source={file}", ["Labels__PublicBaseUrl"] = value },
                TimeSpan.FromSeconds(90));

            Assert.Equal(1, exitCode);
            Assert.Equal(
                "BalaiKota cannot start: Labels:PublicBaseUrl must be empty or an absolute http(s) address such as https://balaikota.example.go.id/.",
                Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim());
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    [Fact]
    public async Task StartsOnAnEmptyDatabaseWithDemoDataAndPrintsTheDemoPasswordOnce()
    {
        var file = SqliteFiles.NewPath("process");
        try
        {
            await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["ConnectionStrings__BalaiKota"] = $"Data Source={file}" }, TimeSpan.FromSeconds(90));
            using var http = new HttpClient { BaseAddress = app.BaseAddress };

            using var login = await http.GetAsync("/Account/Login");

            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Contains("Masuk dengan akun BalaiKota Anda.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Single(app.Output.Split('\n'), l => l.Contains("Demo mode: sign in as admin@balaikota.test", StringComparison.Ordinal));
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }
}

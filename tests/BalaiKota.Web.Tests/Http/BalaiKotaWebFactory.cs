using BalaiKota.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The real app in memory on a throw-away SQLite file, in demo mode with a known password.</summary>
public sealed class BalaiKotaWebFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Test-Password-2026";

    private readonly string _file = SqliteFiles.NewPath("web");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:BalaiKota", $"Data Source={_file}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteFiles.Delete(_file);

        GC.SuppressFinalize(this);
    }
}

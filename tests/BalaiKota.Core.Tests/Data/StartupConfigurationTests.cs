using BalaiKota.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BalaiKota.Core.Tests.Data;

public class StartupConfigurationTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Logging.ClearProviders();
        builder.AddBalaiKotaCore();
        return builder.Build();
    }

    [Fact]
    public void RefusesAnUnknownProviderNamingTheSetting()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Build(("Database:Provider", "Oracle")));

        Assert.Contains("Database:Provider 'Oracle'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesPostgresWithoutAConnectionString()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Build(("Database:Provider", "postgres")));

        Assert.Contains("ConnectionStrings:BalaiKota", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopsWithOneLineNamingTheSettingWhenTheDatabaseCannotBeReached()
    {
        using var host = Build(("Database:Provider", "Postgres"), ("ConnectionStrings:BalaiKota", "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=2"));

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => host.Services.InitializeBalaiKotaDatabaseAsync());

        Assert.StartsWith("The Postgres database cannot be reached or migrated", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:BalaiKota", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}

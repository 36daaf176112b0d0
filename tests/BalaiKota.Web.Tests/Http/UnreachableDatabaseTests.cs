using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BalaiKota.Web.Tests.Http;

public sealed class UnreachableDatabaseTests
{
    [Fact]
    public async Task ReportsUnhealthyWith503WhenTheDatabaseGoesAway()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:BalaiKota", database.ConnectionString);
            builder.ConfigureLogging(logging => logging.ClearProviders());
        });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await using (var admin = new NpgsqlConnection(TestEnvironment.RequirePostgres()))
        {
            await admin.OpenAsync();
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}

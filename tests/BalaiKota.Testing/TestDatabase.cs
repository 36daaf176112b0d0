using BalaiKota.Core;
using BalaiKota.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace BalaiKota.Testing;

/// <summary>A throw-away database on either provider, migrated like the app does it.</summary>
public sealed class TestDatabase : IAsyncDisposable, IDbContextFactory<BalaiKotaDbContext>
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, TimeProvider clock, string? sqliteFile, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Clock = clock;
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public TimeProvider Clock { get; }

    /// <summary>An empty database (no tables) that the caller migrates, or lets the app migrate.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = SqliteFiles.NewPath("test");
            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), clock, file, null, null);
        }

        var admin = TestEnvironment.RequirePostgres();
        var name = $"balaikota_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
        return new TestDatabase(provider, connectionString, clock, null, admin, name);
    }

    /// <summary>A database with the schema applied by the provider's migrations.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        var database = await CreateEmptyAsync(provider, clock);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>
    /// The Core services as the app registers them, on this database and its clock, with logging off;
    /// <paramref name="settings"/> add to or override the database settings.
    /// </summary>
    public IHost BuildHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:BalaiKota"] = ConnectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(Clock);
        builder.AddBalaiKotaCore();
        return builder.Build();
    }

    public BalaiKotaDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<BalaiKotaDbContext>();
        BalaiKotaDatabase.Configure(options, Provider, ConnectionString, Clock);
        return new BalaiKotaDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteFiles.Delete(_sqliteFile);
        }

        if (_postgresAdmin is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

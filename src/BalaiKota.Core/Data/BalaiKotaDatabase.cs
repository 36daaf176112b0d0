using BalaiKota.Core.Data.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace BalaiKota.Core.Data;

/// <summary>How a <see cref="BalaiKotaDbContext"/> is configured for each provider; used by the app, the tests and the tools alike.</summary>
public static class BalaiKotaDatabase
{
    public const string SqliteMigrationsAssembly = "BalaiKota.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "BalaiKota.Migrations.PostgreSql";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, TimeProvider clock, int sqliteBusyTimeoutMs = 5000)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(new SqliteBusyTimeoutInterceptor(sqliteBusyTimeoutMs));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        return options.AddInterceptors(new AuditSaveChangesInterceptor(clock));
    }

    /// <summary>The default SQLite file: data/balaikota.db under the app's folder.</summary>
    public static string DefaultSqliteConnectionString(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "balaikota.db"), Pooling = true }.ToString();
    }

    /// <summary>
    /// Waits for a lock held by another writer instead of failing at once with "database is locked";
    /// set on every connection because the pragma does not persist in the file.
    /// </summary>
    private sealed class SqliteBusyTimeoutInterceptor(int busyTimeoutMs) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs};";
            command.ExecuteNonQuery();
        }
    }
}

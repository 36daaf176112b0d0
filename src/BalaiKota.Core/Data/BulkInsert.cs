using System.Data.Common;
using BalaiKota.Core.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BalaiKota.Core.Data;

/// <summary>
/// Inserts the rows a context tracks as Added with prepared multi-row INSERTs, one per table and
/// reused, in one transaction. For bulk synthetic data only: the SQLite provider sends one command per
/// row through SaveChanges, which made the generator's 690,000 rows take over a minute. Columns,
/// value converters and parameter types all come from the EF model, so the rows are the ones
/// SaveChanges would write; audit fields are stamped as the interceptor stamps them, but no audit-log
/// rows are written: generated history says nothing about what a person did.
/// </summary>
internal static class BulkInsert
{
    private const int MaxParametersPerStatement = 900;

    public static async Task InsertAddedAsync(BalaiKotaDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        foreach (var entry in added)
        {
            AuditSaveChangesInterceptor.Stamp(entry, db.ActingUserId, nowUtc);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sql = db.GetService<ISqlGenerationHelper>();
            foreach (var rows in InDependencyOrder(added.GroupBy(e => e.Metadata).ToList()))
            {
                await InsertAsync(db, sql, transaction.GetDbTransaction(), rows.Key, rows.ToList(), ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        db.ChangeTracker.Clear();
    }

    private static async Task InsertAsync(BalaiKotaDbContext db, ISqlGenerationHelper sql, DbTransaction transaction, IEntityType type, List<EntityEntry> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table), Mapping: p.GetRelationalTypeMapping()))
            .Where(c => c.Column is not null)
            .ToList();
        var insertInto = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column!)))}) VALUES ";

        // Over the network (PostgreSQL) several rows per statement save round trips; in-process SQLite is
        // fastest with one row per statement (it binds parameters by name, so wide statements cost more).
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParametersPerStatement / columns.Count);
        DbCommand? fullStatement = null;
        try
        {
            for (var first = 0; first < rows.Count; first += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - first);
                var command = count == rowsPerStatement && fullStatement is not null ? fullStatement : await PrepareAsync(count);
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = rows[first + r].CurrentValues[columns[c].Property];
                        var converter = columns[c].Mapping.Converter;
                        command.Parameters[(r * columns.Count) + c].Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
                if (count == rowsPerStatement)
                {
                    fullStatement = command;
                }
                else
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (fullStatement is not null)
            {
                await fullStatement.DisposeAsync();
            }
        }

        async Task<DbCommand> PrepareAsync(int rowCount)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = insertInto + string.Join(", ", Enumerable.Range(0, rowCount).Select(r =>
                "(" + string.Join(", ", columns.Select((_, c) => $"@p{(r * columns.Count) + c}")) + ")"));
            for (var r = 0; r < rowCount; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, $"p{(r * columns.Count) + c}", null, columns[c].Property.IsNullable));
                }
            }

            await command.PrepareAsync(ct);
            return command;
        }
    }

    /// <summary>Principal tables before their dependents, so that every foreign key finds its row.</summary>
    private static IEnumerable<IGrouping<IEntityType, EntityEntry>> InDependencyOrder(List<IGrouping<IEntityType, EntityEntry>> groups)
    {
        var pending = groups.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.First(g => !g.Key.GetForeignKeys().Any(fk =>
                fk.PrincipalEntityType != g.Key && pending.Any(p => p.Key == fk.PrincipalEntityType)));
            pending.Remove(ready);
            yield return ready;
        }
    }
}

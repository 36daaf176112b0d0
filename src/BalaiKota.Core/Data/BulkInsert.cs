using System.Data.Common;
using BalaiKota.Core.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BalaiKota.Core.Data;

/// <summary>
/// Inserts the rows a context tracks as Added with one prepared INSERT per table, reused for every
/// row, in one transaction. For bulk synthetic data only: the SQLite provider sends one command per
/// row through SaveChanges, which made the generator's 690,000 rows take over a minute. Columns,
/// value converters and parameter types all come from the EF model, so the rows are the ones
/// SaveChanges would write; audit fields are stamped as the interceptor stamps them, but no audit-log
/// rows are written: generated history says nothing about what a person did.
/// </summary>
internal static class BulkInsert
{
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
                await InsertAsync(db, sql, transaction.GetDbTransaction(), rows.Key, rows, ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        db.ChangeTracker.Clear();
    }

    private static async Task InsertAsync(BalaiKotaDbContext db, ISqlGenerationHelper sql, DbTransaction transaction, IEntityType type, IEnumerable<EntityEntry> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table), Mapping: p.GetRelationalTypeMapping()))
            .Where(c => c.Column is not null)
            .ToList();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "p" + i, null, c.Property.IsNullable)).ToList();
        command.Parameters.AddRange(parameters.ToArray());
        await command.PrepareAsync(ct);

        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = row.CurrentValues[columns[i].Property];
                var converter = columns[i].Mapping.Converter;
                parameters[i].Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
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

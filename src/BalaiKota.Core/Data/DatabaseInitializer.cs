using System.Data.Common;
using System.Net.Sockets;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core.Data;

/// <summary>Applies migrations and the always-present reference data at start-up.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<BalaiKotaDbContext> factory,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var provider = options.Value.Provider;
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Database.MigrateAsync(ct);
            if (provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers carry on while one writer saves; the mode is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }
        catch (Exception ex) when (ex is DbException or SocketException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            throw new StartupConfigurationException(
                $"The {provider} database cannot be reached or migrated: {Innermost(ex).Message.Split('\n')[0].Trim()} " +
                $"Check the setting ConnectionStrings:{DatabaseOptions.ConnectionStringName} (and Database:Provider).",
                ex);
        }
    }

    /// <summary>The default checklist is always there: a visit cannot start without a published template.</summary>
    public async Task SeedReferenceDataAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.ChecklistTemplates.AnyAsync(t => t.Code == DefaultChecklist.Code, ct))
        {
            return;
        }

        var template = DefaultChecklist.Build();
        template.Publish(clock.GetUtcNow().UtcDateTime);
        db.ChecklistTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        var itemCount = template.Items.Count();
        logger.LogInformation("Seeded the default checklist with {Count} items.", itemCount);
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}

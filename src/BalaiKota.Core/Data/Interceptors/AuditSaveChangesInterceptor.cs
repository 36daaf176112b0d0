using System.Text.Json;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BalaiKota.Core.Data.Interceptors;

/// <summary>
/// Stamps audit fields, bumps concurrency versions, and writes one audit-log row per changed row,
/// so no feature can forget to.
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> SecretProperties =
        [nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext? context)
    {
        if (context is not BalaiKotaDbContext db)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .ToList();

        foreach (var entry in changed)
        {
            Stamp(entry, db.ActingUserId, now);
            db.AuditEntries.Add(ToAuditEntry(entry, db.ActingUserId, now));
        }
    }

    internal static void Stamp(EntityEntry entry, string? userId, DateTime now)
    {
        if (entry.Entity is AuditableEntity auditable)
        {
            if (entry.State == EntityState.Added)
            {
                auditable.StampCreated(now, userId);
            }
            else if (entry.State == EntityState.Modified)
            {
                auditable.StampUpdated(now, userId);
            }
        }

        if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
        {
            versioned.IncrementVersion();
        }
    }

    private static AuditEntry ToAuditEntry(EntityEntry entry, string? userId, DateTime now)
    {
        var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (SecretProperties.Contains(name))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = Describe(property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changes[name] = Describe(property.OriginalValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { before = Describe(property.OriginalValue), after = Describe(property.CurrentValue) };
                    break;
            }
        }

        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Added,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Modified,
        };
        return new AuditEntry(now, userId, entry.Metadata.ClrType.Name, key, action, JsonSerializer.Serialize(changes));
    }

    // Photo bytes would bloat the log; their size says enough.
    private static object? Describe(object? value) => value switch
    {
        byte[] bytes => $"{bytes.Length} bytes",
        Enum e => e.ToString(),
        _ => value,
    };
}

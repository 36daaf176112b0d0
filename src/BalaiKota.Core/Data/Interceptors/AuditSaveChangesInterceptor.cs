using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BalaiKota.Core.Data.Interceptors;

/// <summary>
/// Stamps audit fields, bumps concurrency versions, and writes one audit-log row per changed row.
/// Who changed it is <see cref="BalaiKotaDbContext.ActingUserId"/>, which each feature service sets
/// from its caller; changes made by the sign-in machinery (failed-attempt counters) carry no user.
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Password hashes, stamps and Identity token values (authenticator keys, recovery codes) never enter the log.
    private static readonly HashSet<string> SecretProperties =
        [nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp), nameof(IdentityUserToken<string>.Value)];

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
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .ToList();

        // The stamp and the version bump are not detected as changes until SaveChanges runs its own
        // detection, after this: a modification's entry lists what the user changed, not the bookkeeping.
        foreach (var entry in changed)
        {
            Stamp(entry, db.ActingUserId, now);
            db.AuditEntries.Add(ToAuditEntry(entry, db.ActingUserId, now));
        }
    }

    /// <summary>The log itself is not logged, and neither are bell entries: they restate task changes that are.</summary>
    private static bool IsAudited(object entity) => entity is not (AuditEntry or Notification);

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
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Added,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Modified,
        };
        return new AuditEntry(now, userId, entry.Metadata.ClrType.Name, key, action, Changes(entry));
    }

    /// <summary>
    /// The row's values (added or deleted) or its changed values with before and after (modified), as JSON.
    /// Written by hand rather than by reflection-based serialization, which costs most of a second at start-up.
    /// </summary>
    private static string Changes(EntityEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in entry.Properties.Where(p => !SecretProperties.Contains(p.Metadata.Name)))
            {
                var name = property.Metadata.Name;
                switch (entry.State)
                {
                    case EntityState.Added:
                        WriteValue(json, name, property.CurrentValue);
                        break;
                    case EntityState.Deleted:
                        WriteValue(json, name, property.OriginalValue);
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        json.WriteStartObject(name);
                        WriteValue(json, "before", property.OriginalValue);
                        WriteValue(json, "after", property.CurrentValue);
                        json.WriteEndObject();
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            case long number:
                json.WriteNumber(name, number);
                break;
            case decimal number:
                json.WriteNumber(name, number);
                break;
            case double number:
                json.WriteNumber(name, number);
                break;
            case DateTime instant:
                json.WriteString(name, instant);
                break;
            case DateTimeOffset instant:
                json.WriteString(name, instant);
                break;
            case Guid id:
                json.WriteString(name, id);
                break;
            case byte[] bytes:
                // Photo bytes would bloat the log; their size says enough.
                json.WriteString(name, $"{bytes.Length} bytes");
                break;
            case string text:
                json.WriteString(name, text);
                break;
            case System.Collections.IEnumerable items:
                json.WriteStartArray(name);
                foreach (var item in items)
                {
                    json.WriteStringValue(Convert.ToString(item, CultureInfo.InvariantCulture));
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

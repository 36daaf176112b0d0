using System.Text.Json;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Audit;

/// <summary>
/// The audit log for administrators: who changed what and when, with each field's value before and after. Every answer
/// saved on a visit adds a row, so the log grows by the million: filters and the page are applied in SQL (the time and
/// the entity's type and key are indexed), only the page's rows are read, and only their changes are parsed.
/// Secrets never reach the log (the interceptor leaves them out), so nothing here can show them.
/// </summary>
public sealed class AuditLogService(IDbContextFactory<BalaiKotaDbContext> contexts)
{
    public const int CountLimit = 10_000;
    public const int MaxPageSize = 100;
    public const string RangeCode = "audit.range";

    public async Task<AuditLogPage> PageAsync(Actor actor, AuditFilter filter, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "membaca log audit");
        if (filter.From > filter.To)
        {
            throw new DomainException(RangeCode, "Tanggal awal harus sebelum atau sama dengan tanggal akhir.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = Filtered(db.AuditEntries.AsNoTracking(), filter);
        var counted = await entries.Take(CountLimit + 1).CountAsync(ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var total = Math.Min(counted, CountLimit);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await (from a in entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
                          join u in db.Users on a.UserId equals u.Id into authors
                          from u in authors.DefaultIfEmpty()
                          select new { a.Id, a.At, a.UserId, UserName = u == null ? null : u.FullName, a.EntityType, a.EntityId, a.Action, a.Changes })
            .ToListAsync(ct);
        return new AuditLogPage(
            rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .Select(a => new AuditRow(a.Id, a.At, a.UserId, a.UserName, a.EntityType, a.EntityId, a.Action, Fields(a.Action, a.Changes)))
                .ToList(),
            page,
            pageSize,
            total,
            counted > CountLimit);
    }

    /// <summary>The kinds of rows the log holds, for the filter (read from the index on type and key).</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "membaca log audit");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(ct);
        return types.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every account, active or not, for the filter by who made a change.</summary>
    public async Task<IReadOnlyList<AuditUserOption>> UsersAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "membaca log audit");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Select(u => new AuditUserOption(u.Id, u.FullName == string.Empty ? u.Email ?? u.Id : u.FullName))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The fields of the interceptor's JSON: an addition lists the row's values, a deletion its last values, and a
    /// modification each changed field as <c>{"before": …, "after": …}</c>.
    /// </summary>
    internal static IReadOnlyList<AuditFieldChange> Fields(AuditAction action, string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return json.RootElement.EnumerateObject()
            .Select(p => action switch
            {
                AuditAction.Added => new AuditFieldChange(p.Name, null, Text(p.Value)),
                AuditAction.Deleted => new AuditFieldChange(p.Name, Text(p.Value), null),
                _ when p.Value.ValueKind == JsonValueKind.Object => new AuditFieldChange(p.Name, Text(p.Value.GetProperty("before")), Text(p.Value.GetProperty("after"))),
                _ => new AuditFieldChange(p.Name, null, Text(p.Value)),
            })
            .ToList();
    }

    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> entries, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            entries = entries.Where(a => a.UserId == filter.UserId);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            entries = entries.Where(a => a.EntityId == id);
        }

        if (filter.From is { } from)
        {
            var start = Wib.StartOfDayUtc(from);
            entries = entries.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = Wib.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }

        return entries;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}

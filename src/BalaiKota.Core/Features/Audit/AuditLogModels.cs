using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Audit;

/// <summary>Which entries to show: by who changed them, what was changed (type, and the row's key) and WIB days, newest first.</summary>
public sealed record AuditFilter(
    string? UserId = null,
    string? EntityType = null,
    string? EntityId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 25);

/// <summary>
/// One page of entries. <see cref="Total"/> counts at most <see cref="AuditLogService.CountLimit"/> entries
/// (<see cref="MoreThanTotal"/> says there are more): counting a log of millions of rows for a pager is not worth it.
/// </summary>
public sealed record AuditLogPage(IReadOnlyList<AuditRow> Rows, int Page, int PageSize, int Total, bool MoreThanTotal)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An entry; <see cref="UserName"/> is null for changes made by the system (sign-in counters, start-up).</summary>
public sealed record AuditRow(
    Guid Id,
    DateTime At,
    string? UserId,
    string? UserName,
    string EntityType,
    string EntityId,
    AuditAction Action,
    IReadOnlyList<AuditFieldChange> Fields);

/// <summary>One field: its value before and after (null before an addition and after a deletion).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After);

public sealed record AuditUserOption(string Id, string Name);

namespace BalaiKota.Core.Features.Users;

public enum UserStatus
{
    Active,
    Locked,
    Inactive,
}

/// <summary>
/// One account in the administrators' list. <see cref="Stamp"/> is the row's concurrency stamp: an edit based on an
/// older one is refused, so two administrators cannot overwrite each other unseen. <see cref="HasTemporaryPassword"/>: the
/// password an administrator set has not been replaced yet.
/// </summary>
public sealed record UserRow(
    string Id,
    string FullName,
    string Email,
    IReadOnlyList<string> Roles,
    Guid? UnitId,
    string? UnitName,
    bool IsActive,
    DateTimeOffset? LockedUntil,
    DateTime? LastChangedAt,
    string Stamp,
    UserStatus Status,
    bool HasTemporaryPassword)
{
    /// <summary>Locked with no end date: the lock lasts until an administrator lifts it.</summary>
    public bool LockedIndefinitely => LockedUntil is { } until && until >= UserAdminService.Indefinitely;
}

public sealed record UnitOption(Guid Id, string Name);

/// <summary>A new account; without a <see cref="Password"/> a temporary one is made and handed back once.</summary>
public sealed record CreateUserRequest(string FullName, string Email, IReadOnlyList<string> Roles, Guid? UnitId, string? Password = null);

/// <summary>The account's name, e-mail (also its sign-in name), roles and, for a repair unit's member, the unit.</summary>
public sealed record UpdateUserRequest(string UserId, string Stamp, string FullName, string Email, IReadOnlyList<string> Roles, Guid? UnitId);

/// <summary>The new account; <see cref="TemporaryPassword"/> is shown to the administrator once and stored nowhere in plain text.</summary>
public sealed record CreatedUser(string UserId, string? TemporaryPassword);

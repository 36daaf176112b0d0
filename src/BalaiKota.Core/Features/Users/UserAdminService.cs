using System.Data;
using System.Security.Cryptography;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Core.Features.Users;

/// <summary>
/// Accounts as administrators shape them: create, edit, roles and unit, password reset, lock, deactivate.
/// Each change runs in a scope of its own, so the <see cref="UserManager{TUser}"/> and the context it writes through
/// live for one operation and carry the administrator as the acting user of the audit log. A change that spans several
/// of Identity's saves is one transaction: all of it lands, or none. Locking, deactivating and a new password also
/// renew the security stamp, which ends the account's open sessions at their next check.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    public const string NotFoundCode = "user.notFound";
    public const string LastAdministratorCode = "user.lastAdministrator";
    public const string SelfCode = "user.self";
    public const string UnitRequiredCode = "user.unitRequired";
    public const string UnitUnknownCode = "user.unitUnknown";
    public const string RolesCode = "user.roles";
    public const string NameCode = "user.name";
    public const string EmailCode = "user.email";
    public const string EmailTakenCode = "user.emailTaken";
    public const string PasswordCode = "user.password";
    public const string ChangedCode = "user.changed";
    public const string LockDateCode = "user.lockDate";

    /// <summary>The end of a lock without an end date; far enough and still a plain timestamp on both databases.</summary>
    public static readonly DateTimeOffset Indefinitely = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    // No 0/O, 1/l/I: a temporary password is read off a screen and typed by someone else.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>The accounts whose name or e-mail contains the search text (all without one), by name.</summary>
    public async Task<IReadOnlyList<UserRow>> ListAsync(Actor actor, string? search = null, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "melihat daftar pengguna");
        await using var db = await contexts.CreateDbContextAsync(ct);

        // A city hall has hundreds of accounts, not millions: all are read and the search is made here, without regard to case.
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.FullName).ThenBy(u => u.NormalizedEmail)
            .Select(u => new
            {
                u.Id,
                u.FullName,
                u.Email,
                u.ResponsibleUnitId,
                Unit = db.ResponsibleUnits.Where(r => r.Id == u.ResponsibleUnitId).Select(r => r.Name).FirstOrDefault(),
                u.IsActive,
                u.LockoutEnd,
                u.ConcurrencyStamp,
                u.MustChangePassword,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),

                // Changes someone made; the sign-in machinery's failed-attempt counters carry no user.
                LastChange = db.AuditEntries.Where(a => a.EntityType == nameof(ApplicationUser) && a.EntityId == u.Id && a.UserId != null).Max(a => (DateTime?)a.At),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var term = search?.Trim() ?? string.Empty;
        return rows
            .Where(u => u.FullName.Contains(term, StringComparison.CurrentCultureIgnoreCase) || u.Email?.Contains(term, StringComparison.OrdinalIgnoreCase) == true)
            .Select(u => new UserRow(
                u.Id,
                u.FullName,
                u.Email ?? string.Empty,
                Roles.All.Where(u.Roles.Contains).ToList(),
                u.ResponsibleUnitId,
                u.Unit,
                u.IsActive,
                u.LockoutEnd > now ? u.LockoutEnd : null,
                u.LastChange,
                u.ConcurrencyStamp ?? string.Empty,
                !u.IsActive ? UserStatus.Inactive : u.LockoutEnd > now ? UserStatus.Locked : UserStatus.Active,
                u.MustChangePassword))
            .ToList();
    }

    /// <summary>The active units a repair unit's member can belong to.</summary>
    public async Task<IReadOnlyList<UnitOption>> UnitsAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "melihat daftar unit pelaksana");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ResponsibleUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new UnitOption(u.Id, u.Name))
            .ToListAsync(ct);
    }

    /// <summary>Creates the account with its roles; the password is the one typed, or a temporary one handed back once.</summary>
    public Task<CreatedUser> CreateAsync(Actor actor, CreateUserRequest request, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "menambah pengguna");
        return ChangeAsync(actor, async (users, db) =>
        {
            var roles = CheckRoles(request.Roles);
            var user = new ApplicationUser
            {
                FullName = CheckName(request.FullName),
                Email = request.Email?.Trim(),
                UserName = request.Email?.Trim(),

                // No mail is sent: the administrator hands the account over and vouches for the address.
                EmailConfirmed = true,
                ResponsibleUnitId = await CheckUnitAsync(db, roles, request.UnitId, ct),

                // The administrator knows this password, typed or generated: the new user replaces it at the first sign-in.
                MustChangePassword = true,
            };
            var typed = string.IsNullOrEmpty(request.Password) ? null : request.Password;
            var password = typed ?? TemporaryPassword();
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRolesAsync(user, roles));
            return new CreatedUser(user.Id, typed is null ? password : null);
        }, ct);
    }

    /// <summary>
    /// Name, e-mail, roles and unit in one go. The unit is kept only for a repair unit's member; a change of e-mail
    /// or roles renews the security stamp, so the account signs in again with its new name and rights.
    /// </summary>
    public Task UpdateAsync(Actor actor, UpdateUserRequest request, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "mengubah pengguna");
        return ChangeAsync(actor, async (users, db) =>
        {
            var user = await FindAsync(users, request.UserId);
            if ((user.ConcurrencyStamp ?? string.Empty) != request.Stamp)
            {
                throw Changed();
            }

            var wasAdministrator = await IsActiveAdministratorAsync(users, user);
            var roles = CheckRoles(request.Roles);
            var email = request.Email?.Trim();
            var current = await users.GetRolesAsync(user);
            var removed = current.Except(roles).ToList();
            var added = roles.Except(current).ToList();
            var rename = !string.Equals(user.Email, email, StringComparison.Ordinal);
            user.FullName = CheckName(request.FullName);
            user.ResponsibleUnitId = await CheckUnitAsync(db, roles, request.UnitId, ct);
            if (rename)
            {
                user.Email = email;
                user.UserName = email;
            }

            if (removed.Count > 0)
            {
                Check(await users.RemoveFromRolesAsync(user, removed));
            }

            if (added.Count > 0)
            {
                Check(await users.AddToRolesAsync(user, added));
            }

            Check(rename || removed.Count > 0 || added.Count > 0 ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user));
            await KeepAnActiveAdministratorAsync(db, wasAdministrator, ct);
            return true;
        }, ct);
    }

    /// <summary>A new temporary password, handed back once; the old one stops working and open sessions end.</summary>
    public Task<string> ResetPasswordAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "mengatur ulang kata sandi");
        return ChangeAsync(actor, async (users, _) =>
        {
            var user = await FindAsync(users, userId);
            var password = TemporaryPassword();
            foreach (var validator in users.PasswordValidators)
            {
                Check(await validator.ValidateAsync(users, user, password));
            }

            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            user.AccessFailedCount = 0;
            user.MustChangePassword = true;
            Check(await users.UpdateSecurityStampAsync(user));
            return password;
        }, ct);
    }

    /// <summary>Locks the account through the end of <paramref name="untilWib"/> (a WIB day), or until unlocked when it is null.</summary>
    public Task LockAsync(Actor actor, string userId, DateOnly? untilWib, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "mengunci pengguna");
        return ChangeAsync(actor, async (users, db) =>
        {
            if (untilWib is { } day && day < Wib.Today(clock))
            {
                throw new DomainException(LockDateCode, "Tanggal akhir penguncian tidak boleh sebelum hari ini.");
            }

            var user = await FindOtherAsync(users, actor, userId, "mengunci akun Anda sendiri");
            var wasAdministrator = await IsActiveAdministratorAsync(users, user);
            user.LockoutEnabled = true;
            user.LockoutEnd = untilWib is { } last ? new DateTimeOffset(Wib.StartOfDayUtc(last.AddDays(1)), TimeSpan.Zero) : Indefinitely;
            Check(await users.UpdateSecurityStampAsync(user));
            await KeepAnActiveAdministratorAsync(db, wasAdministrator, ct);
            return true;
        }, ct);
    }

    /// <summary>Lifts a lock, whether set by an administrator or by failed sign-ins, and forgets the failed attempts.</summary>
    public Task UnlockAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "membuka kunci pengguna");
        return ChangeAsync(actor, async (users, _) =>
        {
            var user = await FindAsync(users, userId);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateAsync(user));
            return true;
        }, ct);
    }

    /// <summary>A deactivated account cannot sign in and its open sessions end; its name stays on past visits and tasks.</summary>
    public Task SetActiveAsync(Actor actor, string userId, bool active, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, active ? "mengaktifkan pengguna" : "menonaktifkan pengguna");
        return ChangeAsync(actor, async (users, db) =>
        {
            var user = active ? await FindAsync(users, userId) : await FindOtherAsync(users, actor, userId, "menonaktifkan akun Anda sendiri");
            var wasAdministrator = await IsActiveAdministratorAsync(users, user);
            user.IsActive = active;
            Check(active ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user));
            await KeepAnActiveAdministratorAsync(db, wasAdministrator, ct);
            return true;
        }, ct);
    }

    private async Task<T> ChangeAsync<T>(Actor actor, Func<UserManager<ApplicationUser>, BalaiKotaDbContext, Task<T>> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        // The very context the user store writes through: the audit interceptor reads the acting user from it.
        var db = scope.ServiceProvider.GetRequiredService<BalaiKotaDbContext>();
        db.ActingUserId = actor.UserId;

        // Serializable: two administrators demoting each other at once cannot both pass the last-administrator check.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var result = await change(users, db);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task<bool> IsActiveAdministratorAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        user.IsActive && !(user.LockoutEnd > clock.GetUtcNow()) && await users.IsInRoleAsync(user, Roles.Administrator);

    /// <summary>
    /// Refuses, inside the transaction and after the change, a change that took an active administrator away and left
    /// none: asked only when the account was one, so that other work goes on while, say, failed sign-ins lock them all.
    /// </summary>
    private async Task KeepAnActiveAdministratorAsync(BalaiKotaDbContext db, bool wasAdministrator, CancellationToken ct)
    {
        if (!wasAdministrator)
        {
            return;
        }

        var adminRole = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync(ct);

        // Few rows; the lock end is compared here because SQLite cannot compare DateTimeOffset in SQL.
        var admins = await db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole))
            .Select(u => u.LockoutEnd)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        if (!admins.Any(end => end is null || end <= now))
        {
            throw new DomainException(LastAdministratorCode, "Perubahan ditolak: harus tetap ada paling sedikit satu administrator aktif. Jadikan pengguna lain administrator terlebih dahulu.");
        }
    }

    private static DomainException Changed() =>
        new(ChangedCode, "Pengguna ini baru saja diubah oleh orang lain. Muat ulang daftar dan ulangi perubahan Anda.");

    private static async Task<ApplicationUser> FindAsync(UserManager<ApplicationUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException(NotFoundCode, "Pengguna tidak ditemukan.");

    private static async Task<ApplicationUser> FindOtherAsync(UserManager<ApplicationUser> users, Actor actor, string userId, string what)
    {
        if (userId == actor.UserId)
        {
            throw new DomainException(SelfCode, $"Anda tidak dapat {what}.");
        }

        return await FindAsync(users, userId);
    }

    private static string CheckName(string? name) =>
        Guard.Text(name, NameCode, "Nama lengkap wajib diisi (paling banyak 200 karakter).");

    private static List<string> CheckRoles(IReadOnlyList<string>? roles)
    {
        var chosen = Roles.All.Where(r => roles?.Contains(r) == true).ToList();
        Guard.That(chosen.Count > 0 && roles!.All(Roles.All.Contains), RolesCode, "Pilih paling sedikit satu peran yang dikenal.");
        return chosen;
    }

    /// <summary>A repair unit's member needs an active unit; any other account has none.</summary>
    private static async Task<Guid?> CheckUnitAsync(BalaiKotaDbContext db, IReadOnlyList<string> roles, Guid? unitId, CancellationToken ct)
    {
        if (!roles.Contains(Roles.RepairUnit))
        {
            return null;
        }

        if (unitId is not { } id)
        {
            throw new DomainException(UnitRequiredCode, "Pengguna berperan Pelaksana harus memiliki unit pelaksana.");
        }

        return await db.ResponsibleUnits.AnyAsync(u => u.Id == id && u.IsActive, ct)
            ? id
            : throw new DomainException(UnitUnknownCode, "Unit pelaksana tidak ditemukan atau sudah tidak aktif.");
    }

    /// <summary>Identity's refusals as domain refusals; the password rules keep Identity's own (localized) wording.</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Any(c => c is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new DomainException(EmailTakenCode, "Alamat e-mail ini sudah dipakai pengguna lain.");
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw Changed();
        }

        if (codes.Any(c => c is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            throw new DomainException(EmailCode, "Alamat e-mail tidak valid.");
        }

        var message = string.Join(" ", result.Errors.Select(e => e.Description));
        throw new DomainException(codes.All(c => c.StartsWith("Password", StringComparison.Ordinal)) ? PasswordCode : "user.identity", message);
    }

    /// <summary>Three groups of four, with an upper-case letter, a lower-case letter and a digit: e.g. "Kq7m-Xr2b-9Hwt".</summary>
    private static string TemporaryPassword()
    {
        var alphabet = Upper + Lower + Digits;
        while (true)
        {
            var chars = Enumerable.Range(0, 12).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
            if (chars.Any(Upper.Contains) && chars.Any(Lower.Contains) && chars.Any(Digits.Contains))
            {
                return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
            }
        }
    }
}

using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Admin;

/// <summary>What an administrator should know on opening the administration page: what waits for them and how big each area is.</summary>
public sealed record AdminOverview(
    int ActiveOpds,
    int ActiveRooms,
    int RoomsToConfirm,
    int? PublishedTemplateVersion,
    int? DraftTemplateVersion,
    int ActiveUsers,
    int LockedUsers,
    int ChangesLastWeek);

public sealed class AdminOverviewService(IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    public async Task<AdminOverview> GetAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "membuka halaman administrasi");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var weekAgo = now.UtcDateTime.AddDays(-7);
        var templates = await db.ChecklistTemplates.AsNoTracking()
            .Where(t => t.Status != TemplateStatus.Retired)
            .Select(t => new { t.Status, t.Version })
            .ToListAsync(ct);
        return new AdminOverview(
            await db.Opds.CountAsync(o => o.IsActive, ct),
            await db.Rooms.CountAsync(r => r.IsActive, ct),
            await db.Rooms.CountAsync(r => r.IsActive && r.NeedsConfirmation, ct),
            templates.Where(t => t.Status == TemplateStatus.Published).Select(t => (int?)t.Version).Max(),
            templates.Where(t => t.Status == TemplateStatus.Draft).Select(t => (int?)t.Version).Max(),
            await db.Users.CountAsync(u => u.IsActive, ct),
            // Compared in memory: SQLite cannot compare the DateTimeOffset column Identity uses for the lockout end.
            (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct)).Count(end => end > now),
            await db.AuditEntries.CountAsync(a => a.At >= weekAgo, ct));
    }
}

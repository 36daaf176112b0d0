using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.FollowUps;

/// <summary>Who hears of a change to a task: added to the same unit of work as the change, so both land or neither.</summary>
internal static class FollowUpNotifier
{
    public static async Task NotifyAsync(BalaiKotaDbContext db, FollowUpTask task, FollowUpAction action, string actorId, DateTime nowUtc, CancellationToken ct)
    {
        (NotificationKind Kind, List<string> Recipients)? notice = action switch
        {
            FollowUpAction.Assign => (NotificationKind.TaskAssigned, await UnitMembersAsync(db, task.ResponsibleUnitId, ct)),
            FollowUpAction.RejectVerification => (NotificationKind.VerificationRejected, await UnitMembersAsync(db, task.ResponsibleUnitId, ct)),
            FollowUpAction.HandBack => (NotificationKind.TaskHandedBack, await RoleMembersAsync(db, Roles.Secretariat, ct)),
            FollowUpAction.MarkDone => (NotificationKind.WaitingVerification, await VerifiersAsync(db, task, ct)),
            _ => null,
        };
        if (notice is not { } n)
        {
            return;
        }

        foreach (var userId in n.Recipients.Where(id => id != actorId).Distinct())
        {
            db.Notifications.Add(new Notification(userId, n.Kind, task.Id, dueDate: null, nowUtc));
        }
    }

    /// <summary>The active members of a repair unit.</summary>
    public static async Task<List<string>> UnitMembersAsync(BalaiKotaDbContext db, Guid? unitId, CancellationToken ct)
    {
        if (unitId is null)
        {
            return [];
        }

        var roleId = await db.Roles.Where(r => r.Name == Roles.RepairUnit).Select(r => r.Id).SingleAsync(ct);
        return await db.Users.Where(u => u.IsActive && u.ResponsibleUnitId == unitId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => u.Id).ToListAsync(ct);
    }

    public static async Task<List<string>> RoleMembersAsync(BalaiKotaDbContext db, string role, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
        return await db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId)).Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>The inspectors of the visit that found it; the secretariat when none of them is active any more.</summary>
    private static async Task<List<string>> VerifiersAsync(BalaiKotaDbContext db, FollowUpTask task, CancellationToken ct)
    {
        var visitId = await db.Findings.Where(f => f.Id == task.FindingId).Select(f => f.VisitId).SingleAsync(ct);
        List<string> team = await db.Visits.Where(v => v.Id == visitId).SelectMany(v => v.Team).Select(m => m.UserId!).ToListAsync(ct);
        team.Add(await db.Visits.Where(v => v.Id == visitId).Select(v => v.LeadInspectorId).SingleAsync(ct));
        var inspectors = await RoleMembersAsync(db, Roles.Inspector, ct);
        var verifiers = team.Intersect(inspectors).ToList();
        return verifiers.Count > 0 ? verifiers : await RoleMembersAsync(db, Roles.Secretariat, ct);
    }
}

using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.FollowUps;

/// <summary>Who may read and who may change follow-up tasks; every service method asks here before it acts.</summary>
public static class FollowUpAccess
{
    /// <summary>
    /// Administrators, the secretariat, leadership and inspectors (who verify repairs anywhere) read every task;
    /// a repair unit reads only the tasks assigned to its unit.
    /// </summary>
    public static IQueryable<FollowUpTask> Readable(IQueryable<FollowUpTask> tasks, Actor actor)
    {
        if (ReadsAll(actor))
        {
            return tasks;
        }

        var unitId = actor.ResponsibleUnitId;
        return actor.IsIn(Roles.RepairUnit) && unitId is not null
            ? tasks.Where(t => t.ResponsibleUnitId == unitId)
            : tasks.Where(_ => false);
    }

    public static bool ReadsAll(Actor actor) =>
        actor.IsIn(Roles.Administrator) || actor.IsIn(Roles.Secretariat) || actor.IsIn(Roles.Leadership) || actor.IsIn(Roles.Inspector);

    public static bool MayTriage(Actor actor) => actor.IsIn(Roles.Secretariat) || actor.IsIn(Roles.Administrator);

    /// <summary>
    /// The caller with the unit stored on their account: the unit a repair unit's member acts for is read from the
    /// database on every call, never taken from the browser, so a moved member loses the old unit at once.
    /// </summary>
    public static async Task<Actor> WithUnitAsync(BalaiKotaDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.RepairUnit))
        {
            return actor with { ResponsibleUnitId = null };
        }

        var unitId = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId && u.IsActive).Select(u => u.ResponsibleUnitId).SingleOrDefaultAsync(ct);
        return actor with { ResponsibleUnitId = unitId };
    }

    public static DomainException Denied(string what) => new(Visits.VisitAccess.DeniedCode, $"Anda tidak berhak {what}.");

    public static DomainException NotFound() => new("task.notFound", "Tugas tindak lanjut tidak ditemukan.");
}

using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Visits;

/// <summary>Who may read and who may change a visit; every service method asks here before it acts.</summary>
public static class VisitAccess
{
    public const string DeniedCode = "access.denied";

    /// <summary>Leadership, secretariat and administrators read every visit; an inspector reads the visits of their team.</summary>
    public static IQueryable<Visit> Readable(IQueryable<Visit> visits, Actor actor)
    {
        if (ReadsAll(actor))
        {
            return visits;
        }

        var userId = actor.UserId;
        return actor.IsIn(Roles.Inspector)
            ? visits.Where(v => v.LeadInspectorId == userId || v.Team.Any(m => m.UserId == userId))
            : visits.Where(_ => false);
    }

    public static bool ReadsAll(Actor actor) =>
        actor.IsIn(Roles.Administrator) || actor.IsIn(Roles.Secretariat) || actor.IsIn(Roles.Leadership);

    public static bool MayPlan(Actor actor) =>
        actor.IsIn(Roles.Inspector) || actor.IsIn(Roles.Secretariat) || actor.IsIn(Roles.Administrator);

    /// <summary>Only the inspectors of the visit's own team record answers, photos and signatures.</summary>
    public static bool MayInspect(Visit visit, Actor actor) =>
        actor.IsIn(Roles.Inspector) && (visit.LeadInspectorId == actor.UserId || visit.Team.Any(m => m.UserId == actor.UserId));

    public static bool MayReopen(Actor actor) => actor.IsIn(Roles.Administrator);

    public static DomainException Denied(string what) =>
        new(DeniedCode, $"Anda tidak berhak {what}.");
}

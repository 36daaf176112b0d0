using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BalaiKota.Core.Features.Visits;

/// <summary>
/// Every change to a visit in progress starts by updating the visit's row (its last activity) in a transaction. That
/// row lock orders the change against a submit: a change either lands before the submit reads the visit, or finds the
/// visit submitted and is refused. Changes of different rooms still do not conflict, as the visit's version is untouched.
/// </summary>
internal static class VisitWriteLock
{
    public static async Task<(Visit Visit, IDbContextTransaction Transaction)> TakeAsync(
        BalaiKotaDbContext db,
        Actor actor,
        Guid visitId,
        DateTime nowUtc,
        string what,
        Func<IQueryable<Visit>, IQueryable<Visit>> include,
        CancellationToken ct)
    {
        // A failed change rolls back the whole transaction, so EF Core's savepoint around SaveChanges would only add
        // statements (on PostgreSQL, round trips) while the lock is held.
        db.Database.AutoSavepointsEnabled = false;
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var inProgress = await db.Visits.Where(v => v.Id == visitId && v.Status == VisitStatus.InProgress)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.LastActivityAt, nowUtc), ct);
            var visit = await include(db.Visits.Include(v => v.Team)).SingleOrDefaultAsync(v => v.Id == visitId, ct)
                ?? throw VisitService.NotFound();
            if (!VisitAccess.MayInspect(visit, actor))
            {
                throw VisitAccess.Denied(what);
            }

            Guard.That(inProgress == 1, "visit.notInProgress", "Kunjungan ini sudah tidak berlangsung (sudah dikirim atau dibatalkan); perubahan tidak disimpan.");
            return (visit, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}

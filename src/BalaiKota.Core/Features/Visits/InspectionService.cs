using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BalaiKota.Core.Features.Visits;

/// <summary>The room-by-room work of a visit in progress: answers, rooms added on the spot, ad hoc findings and photos.</summary>
public sealed class InspectionService(IDbContextFactory<BalaiKotaDbContext> contexts, TemplateCache templates, TimeProvider clock)
{
    public async Task<RoomSheet> GetRoomAsync(Actor actor, Guid visitId, Guid roomId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await VisitAccess.Readable(db.Visits.AsNoTracking(), actor)
            .Include(v => v.Team)
            .Include(v => v.Rooms.Where(r => r.RoomId == roomId)).ThenInclude(r => r.Answers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw await DeniedOrNotFoundAsync(db, visitId, ct);
        var inspection = visit.Rooms.SingleOrDefault() ?? throw new DomainException("visit.roomMissing", "Ruangan ini belum ada di kunjungan.");
        var room = await db.Rooms.AsNoTracking().SingleAsync(r => r.Id == roomId, ct);
        var opd = await db.Opds.AsNoTracking().SingleAsync(o => o.Id == visit.OpdId, ct);
        var template = await templates.GetAsync(visit.TemplateId, ct);

        var answers = inspection.Answers.ToDictionary(a => a.ItemId);
        var answerIds = inspection.Answers.Select(a => a.Id).ToList();
        var photos = await db.Photos.AsNoTracking().Where(p => p.AnswerId != null && answerIds.Contains(p.AnswerId.Value))
            .OrderBy(p => p.UploadedAt).Select(p => new { AnswerId = p.AnswerId!.Value, Ref = new PhotoRef(p.Id, p.Width, p.Height) }).ToListAsync(ct);
        var names = await NamesAsync(db, inspection.Answers.Select(a => a.AnsweredBy), ct);
        var previous = await PreviousAnswersAsync(db, visitId, roomId, ct);

        var categories = template.Categories.OrderBy(c => c.SortOrder)
            .Select(c => new CategorySheet(
                c.Area,
                c.NameId,
                c.NameEn,
                c.Items.Where(i => i.AppliesTo(room.Type)).OrderBy(i => i.SortOrder).Select(i => new ItemSheet(
                    i,
                    answers.TryGetValue(i.Id, out var a) ? View(a, names) : null,
                    previous.GetValueOrDefault(i.Code),
                    answers.TryGetValue(i.Id, out var pa) ? photos.Where(p => p.AnswerId == pa.Id).Select(p => p.Ref).ToList() : [])).ToList()))
            .Where(c => c.Items.Count > 0)
            .ToList();

        var adHoc = await AdHocFindingsAsync(db, visitId, roomId, ct);
        return new RoomSheet(
            visit.Id,
            opd.Name,
            room.Id,
            room.Name,
            room.Floor,
            room.Type,
            EvaluationContext.For(visit, room),
            categories,
            adHoc,
            CanEdit: visit.Status == VisitStatus.InProgress && VisitAccess.MayInspect(visit, actor));
    }

    /// <summary>
    /// Saves one answer under the visit's write lock (<see cref="VisitWriteLock"/>). An answer that changed since the
    /// inspector saw it is not overwritten: the caller gets the stored answer as a conflict.
    /// </summary>
    public async Task<SaveAnswerResult> SaveAnswerAsync(Actor actor, SaveAnswerRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var (visit, transaction) = await VisitWriteLock.TakeAsync(
            db,
            actor,
            request.VisitId,
            now,
            "mengisi kunjungan ini",
            q => q.Include(v => v.Rooms.Where(r => r.RoomId == request.RoomId)).ThenInclude(r => r.Answers.Where(a => a.ItemId == request.ItemId)),
            ct);
        await using (transaction)
        {
            var stored = visit.Rooms.SelectMany(r => r.Answers).SingleOrDefault();
            if (stored is not null && stored.Revision != request.BasedOnRevision)
            {
                return new SaveAnswerResult(IsConflict: true, View(stored, await NamesAsync(db, [stored.AnsweredBy], ct)));
            }

            var template = await templates.GetAsync(visit.TemplateId, ct);
            var item = template.Items.SingleOrDefault(i => i.Id == request.ItemId)
                ?? throw new DomainException("answer.otherTemplate", "Butir ini bukan bagian dari versi templat yang dipakai kunjungan ini.");
            var room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RoomId, ct)
                ?? throw new DomainException("visit.roomMissing", "Ruangan ini belum ada di kunjungan.");
            var answer = visit.RecordAnswer(template, room, item, request.Input, actor.UserId, now, EvaluationContext.For(visit, room), request.Note, request.Severity);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new SaveAnswerResult(IsConflict: false, View(answer, await NamesAsync(db, [answer.AnsweredBy], ct)));
        }
    }

    /// <summary>Adds a registry room of the visit's OPD that was not planned.</summary>
    public async Task AddRoomAsync(Actor actor, Guid visitId, Guid roomId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var (visit, transaction) = await LockAsync(db, actor, visitId, q => q.Include(v => v.Rooms), ct);
        await using (transaction)
        {
            var room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roomId && r.IsActive, ct)
                ?? throw new DomainException("visit.roomUnknown", "Ruangan tidak ditemukan atau sudah tidak aktif.");
            visit.AddRoom(room);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Creates a room the registry is missing, flagged for an administrator to confirm, and adds it to the visit.</summary>
    public async Task<Guid> AddNewRoomAsync(Actor actor, Guid visitId, NewRoomRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var (visit, transaction) = await LockAsync(db, actor, visitId, q => q.Include(v => v.Rooms), ct);
        await using var lockHeld = transaction;
        var buildingId = await db.Rooms.Where(r => r.OpdId == visit.OpdId).GroupBy(r => r.BuildingId)
            .OrderByDescending(g => g.Count()).Select(g => (Guid?)g.Key).FirstOrDefaultAsync(ct)
            ?? await db.Buildings.Where(b => b.IsActive).OrderBy(b => b.Name).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("room.noBuilding", "Belum ada gedung terdaftar; minta administrator menambahkannya.");
        var room = Room.AddedDuringVisit(visit.OpdId, buildingId, request.Name, request.Floor, request.Type, request.ToiletFor);
        db.Rooms.Add(room);
        visit.AddRoom(room);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return room.Id;
    }

    public async Task<Guid> AddAdHocFindingAsync(Actor actor, Guid visitId, Guid roomId, AdHocFindingRequest request, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var (visit, transaction) = await LockAsync(db, actor, visitId, q => q.Include(v => v.Rooms), ct);
        await using var lockHeld = transaction;
        Guard.That(visit.Rooms.Any(r => r.RoomId == roomId), "visit.roomMissing", "Ruangan ini belum ada di kunjungan.");
        var finding = Finding.AdHoc(visitId, roomId, request.Area, request.Severity, request.Description, clock.GetUtcNow().UtcDateTime);
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return finding.Id;
    }

    /// <summary>Removes an ad hoc finding with its photos; possible until the visit is submitted.</summary>
    public async Task RemoveAdHocFindingAsync(Actor actor, Guid visitId, Guid findingId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var (_, transaction) = await LockAsync(db, actor, visitId, q => q, ct);
        await using var lockHeld = transaction;
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == findingId && f.VisitId == visitId && f.ItemId == null, ct)
            ?? throw new DomainException("finding.notFound", "Temuan tidak ditemukan.");
        Guard.That(!await db.FollowUpTasks.AnyAsync(t => t.FindingId == findingId, ct), "finding.hasTask", "Temuan ini sudah punya tindak lanjut (kunjungan ini pernah dikirim); temuan tidak dapat dihapus.");
        db.Photos.RemoveRange(await db.Photos.Where(p => p.FindingId == findingId).ToListAsync(ct));
        db.Findings.Remove(finding);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Attaches a processed photo to an answer or an ad hoc finding of a visit in progress.</summary>
    public async Task<PhotoRef> AddPhotoAsync(Actor actor, Guid visitId, PhotoTarget target, ProcessedPhoto processed, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var (_, transaction) = await LockAsync(db, actor, visitId, q => q, ct);
        await using var lockHeld = transaction;
        await EnsureTargetOfVisitAsync(db, visitId, target, ct);
        var photo = new Photo(PhotoKind.Finding, processed.Jpeg, processed.Thumbnail, processed.Width, processed.Height, actor.UserId, clock.GetUtcNow().UtcDateTime, processed.TakenAtUtc);
        if (target.AnswerId is { } answerId)
        {
            photo.AttachToAnswer(answerId);
        }
        else
        {
            photo.AttachToFinding(target.FindingId!.Value);
        }

        db.Photos.Add(photo);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PhotoRef(photo.Id, photo.Width, photo.Height);
    }

    public async Task RemovePhotoAsync(Actor actor, Guid visitId, Guid photoId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var (_, transaction) = await LockAsync(db, actor, visitId, q => q, ct);
        await using var lockHeld = transaction;
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, ct) ?? throw new DomainException("photo.notFound", "Foto tidak ditemukan.");
        await EnsureTargetOfVisitAsync(db, visitId, new PhotoTarget(photo.AnswerId, photo.FindingId), ct);
        db.Photos.Remove(photo);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The bytes of a photo for someone who may read the visit it belongs to; null otherwise.</summary>
    public async Task<byte[]?> GetPhotoBytesAsync(Actor actor, Guid photoId, bool thumbnail, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var owner = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new
            {
                VisitOfAnswer = db.RoomInspections.Where(r => db.Answers.Any(a => a.Id == p.AnswerId && a.RoomInspectionId == r.Id)).Select(r => (Guid?)r.VisitId).FirstOrDefault(),
                VisitOfFinding = db.Findings.Where(f => f.Id == p.FindingId).Select(f => (Guid?)f.VisitId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        var visitId = owner?.VisitOfAnswer ?? owner?.VisitOfFinding;
        if (visitId is null || !await VisitAccess.Readable(db.Visits, actor).AnyAsync(v => v.Id == visitId, ct))
        {
            return null;
        }

        return await db.Photos.AsNoTracking().Where(p => p.Id == photoId).Select(p => thumbnail ? p.Thumbnail : p.Content).SingleAsync(ct);
    }

    private static async Task EnsureTargetOfVisitAsync(BalaiKotaDbContext db, Guid visitId, PhotoTarget target, CancellationToken ct)
    {
        var belongs = target switch
        {
            { AnswerId: { } answerId } => await db.Answers.AnyAsync(a => a.Id == answerId && db.RoomInspections.Any(r => r.Id == a.RoomInspectionId && r.VisitId == visitId), ct),
            { FindingId: { } findingId } => await db.Findings.AnyAsync(f => f.Id == findingId && f.VisitId == visitId, ct),
            _ => false,
        };
        Guard.That(belongs, "photo.target", "Foto hanya dapat dilampirkan pada jawaban atau temuan kunjungan ini.");
    }

    private Task<(Visit Visit, IDbContextTransaction Transaction)> LockAsync(BalaiKotaDbContext db, Actor actor, Guid visitId, Func<IQueryable<Visit>, IQueryable<Visit>> include, CancellationToken ct) =>
        VisitWriteLock.TakeAsync(db, actor, visitId, clock.GetUtcNow().UtcDateTime, "mengisi kunjungan ini", include, ct);

    private static async Task<DomainException> DeniedOrNotFoundAsync(BalaiKotaDbContext db, Guid visitId, CancellationToken ct) =>
        await db.Visits.AnyAsync(v => v.Id == visitId, ct) ? VisitAccess.Denied("membuka kunjungan ini") : VisitService.NotFound();

    private static async Task<Dictionary<string, string>> NamesAsync(BalaiKotaDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
    }

    private static AnswerView View(Answer a, IReadOnlyDictionary<string, string> names) =>
        new(a.Id, a.Outcome, a.Passed, a.Value, a.IsNotApplicable, a.Note, a.Severity, a.Revision, names.GetValueOrDefault(a.AnsweredBy, a.AnsweredBy), a.AnsweredAt);

    /// <summary>The answers of the latest submitted visit that covered this room, by item code (item ids change between template versions).</summary>
    private static async Task<Dictionary<string, PreviousAnswer>> PreviousAnswersAsync(BalaiKotaDbContext db, Guid visitId, Guid roomId, CancellationToken ct)
    {
        var last = await (from inspection in db.RoomInspections
                          join visit in db.Visits on inspection.VisitId equals visit.Id
                          where inspection.RoomId == roomId && visit.Id != visitId && visit.Status == VisitStatus.Submitted
                          orderby visit.SubmittedAt descending
                          select new { inspection.Id, visit.PlannedDate })
            .FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return [];
        }

        var rows = await (from answer in db.Answers
                          join item in db.ChecklistItems on answer.ItemId equals item.Id
                          where answer.RoomInspectionId == last.Id
                          select new { item.Code, answer.Outcome, answer.Value, answer.Passed })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Code, r => new PreviousAnswer(last.PlannedDate, r.Outcome, r.Value, r.Passed));
    }

    private static async Task<IReadOnlyList<AdHocFindingView>> AdHocFindingsAsync(BalaiKotaDbContext db, Guid visitId, Guid roomId, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => f.VisitId == visitId && f.RoomId == roomId && f.ItemId == null).OrderBy(f => f.FoundAt).ToListAsync(ct);
        var ids = findings.Select(f => f.Id).ToList();
        var photos = await db.Photos.AsNoTracking().Where(p => p.FindingId != null && ids.Contains(p.FindingId.Value)).OrderBy(p => p.UploadedAt)
            .Select(p => new { FindingId = p.FindingId!.Value, Ref = new PhotoRef(p.Id, p.Width, p.Height) }).ToListAsync(ct);
        return findings.Select(f => new AdHocFindingView(f.Id, f.Area, f.Severity, f.Description, photos.Where(p => p.FindingId == f.Id).Select(p => p.Ref).ToList())).ToList();
    }
}

/// <summary>What a photo illustrates: a not-OK answer or an ad hoc finding.</summary>
public sealed record PhotoTarget(Guid? AnswerId, Guid? FindingId);

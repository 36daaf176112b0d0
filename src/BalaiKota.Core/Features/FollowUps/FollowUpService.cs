using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Core.Features.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core.Features.FollowUps;

/// <summary>
/// Follow-up tasks from triage to a verified repair. Every change is checked against the task's version (a change
/// based on an older version is refused with the task as it is now), goes through the state machine of
/// <see cref="FollowUpTask"/>, and lands together with its notifications and the resolution of its finding.
/// </summary>
public sealed class FollowUpService(
    IDbContextFactory<BalaiKotaDbContext> contexts,
    TemplateCache templates,
    IOptions<DueDays> dueDays,
    TimeProvider clock)
{
    private const int MaxPageSize = 100;
    private const int QueuePageSize = 20;

    /// <summary>One page of the tasks the caller reads that pass the filter, with the counts per status of the filter without its status.</summary>
    public async Task<TaskListPage> ListAsync(Actor actor, TaskListFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        var today = Wib.Today(clock);
        var counted = await TaskListQuery.CountAndPageAsync(db, actor, filter, today, MaxPageSize, ct);
        var total = filter.Status is { } only ? counted.Counts.GetValueOrDefault(only) : counted.Counts.Values.Sum();
        return new TaskListPage(await TaskListQuery.RowsAsync(db, counted.Ids, today, ct), total, counted.Counts, counted.Page, counted.PageSize);
    }

    public async Task<TaskOptions> GetOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        if (!FollowUpAccess.ReadsAll(actor) && actor.ResponsibleUnitId is null)
        {
            throw FollowUpAccess.Denied("membuka tindak lanjut");
        }

        var opds = await db.Opds.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id.ToString(), o.Name)).ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().OrderBy(b => b.Name).Select(b => new Choice(b.Id.ToString(), b.Name)).ToListAsync(ct);
        var repairRoleId = await db.Roles.Where(r => r.Name == Roles.RepairUnit).Select(r => r.Id).SingleAsync(ct);
        var members = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.ResponsibleUnitId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == repairRoleId))
            .OrderBy(u => u.FullName)
            .Select(u => new { UnitId = u.ResponsibleUnitId!.Value, u.Id, u.FullName })
            .ToListAsync(ct);
        var units = await db.ResponsibleUnits.AsNoTracking().Where(u => u.IsActive)
            .OrderBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.Kind })
            .ToListAsync(ct);
        return new TaskOptions(
            opds,
            buildings,
            units.Select(u => new UnitChoice(u.Id, u.Name, u.Kind, members.Where(m => m.UnitId == u.Id).Select(m => new Choice(m.Id, m.FullName)).ToList())).ToList());
    }

    /// <summary>The secretariat's triage queue: drafts and handed-back tasks, handed-back first, then most severe.</summary>
    public async Task<TriageList> QueueAsync(Actor actor, int page = 1, CancellationToken ct = default)
    {
        if (!FollowUpAccess.MayTriage(actor))
        {
            throw FollowUpAccess.Denied("memilah tindak lanjut");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var waiting = db.FollowUpTasks.AsNoTracking().Where(t => t.Status == FollowUpStatus.New || t.Status == FollowUpStatus.HandedBack);
        var total = await waiting.CountAsync(ct);
        var tasks = await (from t in waiting
                           join f in db.Findings on t.FindingId equals f.Id
                           orderby t.Status == FollowUpStatus.HandedBack descending,
                               f.Severity == Severity.Critical ? 3 : f.Severity == Severity.High ? 2 : f.Severity == Severity.Medium ? 1 : 0 descending,
                               t.OpenedAt
                           select t)
            .Skip((Math.Max(page, 1) - 1) * QueuePageSize).Take(QueuePageSize)
            .ToListAsync(ct);
        var findings = await FindingViewsAsync(db, tasks.Select(t => t.FindingId), ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var handBacks = await db.FollowUpTaskEvents.AsNoTracking()
            .Where(e => taskIds.Contains(e.TaskId) && e.Action == FollowUpAction.HandBack)
            .OrderBy(e => e.At)
            .ToListAsync(ct);
        var unitIds = tasks.Select(t => t.ResponsibleUnitId).OfType<Guid>().Distinct().ToList();
        var units = await db.ResponsibleUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var today = Wib.Today(clock);
        var items = new List<TriageItem>();
        foreach (var task in tasks)
        {
            var finding = findings[task.FindingId];
            items.Add(new TriageItem(
                task.Id,
                task.Version,
                task.Status,
                task.Priority,
                ProposedDueDate(task, finding.Severity, today),
                task.HandBackReason,
                task.Status == FollowUpStatus.HandedBack ? handBacks.LastOrDefault(e => e.TaskId == task.Id)?.Note : null,
                task.ResponsibleUnitId is { } unit ? units.GetValueOrDefault(unit) : null,
                finding,
                task.Status == FollowUpStatus.New ? await MergeCandidatesAsync(db, task, finding, ct) : []));
        }

        return new TriageList(items, total);
    }

    public async Task<TaskDetail> GetAsync(Actor actor, Guid taskId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        return await DetailAsync(db, actor, taskId, ct);
    }

    /// <summary>The tasks of a room that are not closed yet, for the walk-through; done ones wait for verification there.</summary>
    public async Task<IReadOnlyList<RoomTask>> ForRoomAsync(Actor actor, Guid roomId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        var today = Wib.Today(clock);
        var rows = await (from t in FollowUpAccess.Readable(db.FollowUpTasks.AsNoTracking(), actor)
                          join f in db.Findings on t.FindingId equals f.Id
                          where f.RoomId == roomId && t.Status != FollowUpStatus.Verified && t.Status != FollowUpStatus.Dismissed && t.Status != FollowUpStatus.Merged
                          orderby t.Status == FollowUpStatus.Done descending, t.DueDate
                          select new { Task = t, f.Severity, f.Description, Unit = db.ResponsibleUnits.Where(u => u.Id == t.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new RoomTask(r.Task.Id, r.Task.Version, r.Task.Status, r.Severity, r.Description, r.Unit, r.Task.DueDate, r.Task.IsOverdue(today), r.Task.AllowedActions(actor))).ToList();
    }

    public Task<TaskChangeResult> AssignAsync(Actor actor, AssignRequest request, CancellationToken ct = default) =>
        ChangeAsync(actor, request.TaskId, request.Version, async (db, task, who, now) =>
        {
            await EnsureAssignableAsync(db, request.UnitId, request.AssigneeId, ct);
            task.Assign(who, request.UnitId, request.AssigneeId, request.Priority, request.DueDate, Wib.Today(clock), now);
            return FollowUpAction.Assign;
        }, ct);

    /// <summary>Assigns several tasks to one unit in one transaction: all of them, or none when any has changed or cannot be assigned.</summary>
    public async Task<BulkAssignResult> BulkAssignAsync(Actor actor, BulkAssignRequest request, CancellationToken ct = default)
    {
        Guard.That(request.Tasks.Count > 0, "task.bulkEmpty", "Pilih paling sedikit satu tugas.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        await EnsureAssignableAsync(db, request.UnitId, request.AssigneeId, ct);
        var ids = request.Tasks.Select(t => t.TaskId).Distinct().ToList();
        var tasks = await FollowUpAccess.Readable(db.FollowUpTasks, actor).Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        Guard.That(tasks.Count == ids.Count, "task.notFound", "Ada tugas yang tidak ditemukan.");
        var conflicts = request.Tasks.Where(r => tasks.Single(t => t.Id == r.TaskId).Version != r.Version).Select(r => r.TaskId).ToList();
        if (conflicts.Count > 0)
        {
            return new BulkAssignResult(0, conflicts);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Wib.Today(clock);
        var severities = await db.Findings.AsNoTracking().Where(f => tasks.Select(t => t.FindingId).Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Severity, ct);
        foreach (var task in tasks)
        {
            var due = request.DueDate ?? ProposedDueDate(task, severities[task.FindingId], today);
            task.Assign(actor, request.UnitId, request.AssigneeId, request.Priority ?? task.Priority, due, today, now);
            await FollowUpNotifier.NotifyAsync(db, task, FollowUpAction.Assign, actor.UserId, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new BulkAssignResult(0, ids);
        }

        return new BulkAssignResult(tasks.Count, []);
    }

    public Task<TaskChangeResult> DismissAsync(Actor actor, Guid taskId, int version, string reason, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, (_, task, who, now) =>
        {
            task.Dismiss(who, reason, now);
            return Task.FromResult(FollowUpAction.Dismiss);
        }, ct);

    /// <summary>Merges a repeat finding's draft into an open task on the same room and item.</summary>
    public Task<TaskChangeResult> MergeAsync(Actor actor, Guid taskId, int version, Guid targetTaskId, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, async (db, task, who, now) =>
        {
            var target = await db.FollowUpTasks.SingleOrDefaultAsync(t => t.Id == targetTaskId, ct) ?? throw FollowUpAccess.NotFound();
            var finding = await db.Findings.AsNoTracking().SingleAsync(f => f.Id == task.FindingId, ct);
            var candidates = await MergeCandidatesAsync(db, task, await OneFindingViewAsync(db, finding.Id, ct), ct);
            Guard.That(candidates.Any(c => c.TaskId == targetTaskId), "task.mergeTarget", "Tugas tujuan penggabungan harus tugas lain yang masih terbuka untuk ruangan dan butir yang sama.");
            task.MergeInto(who, target, now);
            return FollowUpAction.Merge;
        }, ct);

    public Task<TaskChangeResult> StartWorkAsync(Actor actor, Guid taskId, int version, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, (_, task, who, now) =>
        {
            task.StartWork(who, now);
            return Task.FromResult(FollowUpAction.StartWork);
        }, ct);

    public Task<TaskChangeResult> MarkDoneAsync(Actor actor, Guid taskId, int version, string? note, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, (_, task, who, now) =>
        {
            task.MarkDone(who, string.IsNullOrWhiteSpace(note) ? null : Guard.Text(note, "task.note", "Catatan paling banyak 1.000 karakter.", 1000), now);
            return Task.FromResult(FollowUpAction.MarkDone);
        }, ct);

    public Task<TaskChangeResult> HandBackAsync(Actor actor, Guid taskId, int version, HandBackReason reason, string explanation, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, (_, task, who, now) =>
        {
            task.HandBack(who, reason, explanation, now);
            return Task.FromResult(FollowUpAction.HandBack);
        }, ct);

    /// <summary>Verifies a done repair; the verifier's photo of it, taken since it was marked done, is the evidence and is required.</summary>
    public Task<TaskChangeResult> VerifyAsync(Actor actor, Guid taskId, int version, string? note, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, async (db, task, who, now) =>
        {
            var doneAt = task.History.Where(e => e.Action == FollowUpAction.MarkDone).Select(e => (DateTime?)e.At).Max();
            var hasPhoto = await db.Photos.AnyAsync(p => p.TaskId == task.Id && p.Kind == PhotoKind.Verification && p.UploadedAt >= doneAt, ct);
            Guard.That(task.Status != FollowUpStatus.Done || hasPhoto, "task.verifyPhoto", "Tambahkan foto hasil perbaikan yang Anda lihat sebelum memverifikasi.");
            task.Verify(who, string.IsNullOrWhiteSpace(note) ? null : Guard.Text(note, "task.note", "Catatan paling banyak 1.000 karakter.", 1000), now);
            return FollowUpAction.Verify;
        }, ct);

    public Task<TaskChangeResult> RejectAsync(Actor actor, Guid taskId, int version, string reason, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, (_, task, who, now) =>
        {
            task.RejectVerification(who, reason, now);
            return Task.FromResult(FollowUpAction.RejectVerification);
        }, ct);

    public Task<TaskChangeResult> CommentAsync(Actor actor, Guid taskId, int version, string text, CancellationToken ct = default) =>
        ChangeAsync(actor, taskId, version, (_, task, who, now) =>
        {
            task.Comment(who, text, now);
            return Task.FromResult(FollowUpAction.Comment);
        }, ct);

    /// <summary>
    /// An after photo from the unit at work, or a verification photo from a verifier of a done task. Photos do not
    /// change the task's version: adding one never conflicts with someone else's edit.
    /// </summary>
    public async Task<PhotoRef> AddPhotoAsync(Actor actor, Guid taskId, PhotoKind kind, ProcessedPhoto processed, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        var task = await FollowUpAccess.Readable(db.FollowUpTasks.AsNoTracking(), actor).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw await DeniedOrNotFoundAsync(db, taskId, ct);
        Guard.That(MayAddPhoto(task, actor, kind), "task.photoNotNow", "Foto tidak dapat ditambahkan pada tugas ini sekarang.");
        var photo = new Photo(kind, processed.Jpeg, processed.Thumbnail, processed.Width, processed.Height, actor.UserId, clock.GetUtcNow().UtcDateTime, processed.TakenAtUtc);
        photo.AttachToTask(taskId);
        db.Photos.Add(photo);
        await db.SaveChangesAsync(ct);
        return new PhotoRef(photo.Id, photo.Width, photo.Height);
    }

    /// <summary>Removes a photo its uploader added, while the task is still at the stage it was added for.</summary>
    public async Task RemovePhotoAsync(Actor actor, Guid taskId, Guid photoId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        var task = await FollowUpAccess.Readable(db.FollowUpTasks.AsNoTracking(), actor).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw await DeniedOrNotFoundAsync(db, taskId, ct);
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId && p.TaskId == taskId, ct) ?? throw new DomainException("photo.notFound", "Foto tidak ditemukan.");
        Guard.That(photo.UploadedBy == actor.UserId && MayAddPhoto(task, actor, photo.Kind), "task.photoNotNow", "Foto ini tidak dapat dihapus lagi.");
        db.Photos.Remove(photo);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The photo's bytes when the caller reads a task it belongs to, directly or as its finding's photo; null otherwise.</summary>
    public async Task<byte[]?> GetPhotoBytesAsync(Actor actor, Guid photoId, bool thumbnail, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId).Select(p => new { p.TaskId, p.FindingId, p.AnswerId }).SingleOrDefaultAsync(ct);
        if (photo is null)
        {
            return null;
        }

        var readable = await FollowUpAccess.Readable(db.FollowUpTasks.AsNoTracking(), actor).AnyAsync(
            t => t.Id == photo.TaskId
                 || t.FindingId == photo.FindingId
                 || db.Findings.Any(f => f.Id == t.FindingId && f.AnswerId != null && f.AnswerId == photo.AnswerId),
            ct);
        return readable
            ? await db.Photos.AsNoTracking().Where(p => p.Id == photoId).Select(p => thumbnail ? p.Thumbnail : p.Content).SingleAsync(ct)
            : null;
    }

    private static bool MayAddPhoto(FollowUpTask task, Actor actor, PhotoKind kind) => kind switch
    {
        PhotoKind.After => task.Status is FollowUpStatus.Assigned or FollowUpStatus.InProgress
                           && actor.IsIn(Roles.RepairUnit) && actor.ResponsibleUnitId == task.ResponsibleUnitId,
        PhotoKind.Verification => task.Status == FollowUpStatus.Done && task.AllowedActions(actor).Contains(FollowUpAction.Verify),
        _ => false,
    };

    /// <summary>
    /// Loads the task, refuses a change based on an older version, applies it, and saves it with its notifications and
    /// the resolution of the findings it settles, in one unit of work.
    /// </summary>
    private async Task<TaskChangeResult> ChangeAsync(
        Actor actor,
        Guid taskId,
        int version,
        Func<BalaiKotaDbContext, FollowUpTask, Actor, DateTime, Task<FollowUpAction>> change,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        var task = await FollowUpAccess.Readable(db.FollowUpTasks, actor).Include(t => t.History).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw await DeniedOrNotFoundAsync(db, taskId, ct);
        if (task.Version != version)
        {
            return new TaskChangeResult(IsConflict: true, await DetailAsync(db, actor, taskId, ct));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var action = await change(db, task, actor, now);
        await FollowUpNotifier.NotifyAsync(db, task, action, actor.UserId, now, ct);
        await SettleFindingsAsync(db, task, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            return new TaskChangeResult(IsConflict: true, await DetailAsync(fresh, actor, taskId, ct));
        }

        return new TaskChangeResult(IsConflict: false, await DetailAsync(db, actor, taskId, ct));
    }

    /// <summary>
    /// A finding is resolved once every task that repairs it is verified (a merged draft counts as the task it joined,
    /// also through a draft that was merged on), and dismissed when every one of them was dismissed.
    /// </summary>
    private static async Task SettleFindingsAsync(BalaiKotaDbContext db, FollowUpTask changed, DateTime now, CancellationToken ct)
    {
        if (changed.IsOpen && changed.Status != FollowUpStatus.Merged)
        {
            return;
        }

        var repairer = changed.MergedIntoTaskId is { } targetId ? await db.FollowUpTasks.SingleAsync(t => t.Id == targetId, ct) : changed;
        var merged = await MergedDraftsAsync(db, repairer.Id, ct);
        var mergedIds = merged.Select(m => m.TaskId).ToHashSet();
        var findingIds = merged.Select(m => m.FindingId).Append(repairer.FindingId).ToList();
        foreach (var finding in await db.Findings.Where(f => findingIds.Contains(f.Id) && f.Status == FindingStatus.Open).ToListAsync(ct))
        {
            var tasks = await db.FollowUpTasks.Where(t => t.FindingId == finding.Id).ToListAsync(ct);
            // Tracked tasks come back with their pending changes, so the task changed now counts with its new status.
            var outcomes = tasks.Select(t => mergedIds.Contains(t.Id) ? repairer.Status : t.Status).ToList();

            if (outcomes.Count == 0 || outcomes.Any(s => s is not (FollowUpStatus.Verified or FollowUpStatus.Dismissed)))
            {
                continue;
            }

            if (outcomes.Contains(FollowUpStatus.Verified))
            {
                finding.Resolve(now);
            }
            else
            {
                finding.Dismiss(repairer.History.LastOrDefault(e => e.Action == FollowUpAction.Dismiss)?.Note ?? "Tindak lanjut ditolak.", now);
            }
        }
    }

    /// <summary>
    /// The drafts merged into the task: directly, or into a draft that was then merged into it (a chain, as a merge
    /// target must be open and a merged draft is closed, has no cycles).
    /// </summary>
    private static async Task<List<(Guid TaskId, Guid FindingId)>> MergedDraftsAsync(BalaiKotaDbContext db, Guid taskId, CancellationToken ct)
    {
        var merged = new List<(Guid TaskId, Guid FindingId)>();
        List<Guid> targets = [taskId];
        while (targets.Count > 0)
        {
            var drafts = await db.FollowUpTasks.AsNoTracking()
                .Where(t => t.MergedIntoTaskId != null && targets.Contains(t.MergedIntoTaskId.Value))
                .OrderBy(t => t.OpenedAt)
                .Select(t => new { t.Id, t.FindingId })
                .ToListAsync(ct);
            merged.AddRange(drafts.Select(d => (d.Id, d.FindingId)));
            targets = drafts.Select(d => d.Id).ToList();
        }

        return merged;
    }

    private static async Task EnsureAssignableAsync(BalaiKotaDbContext db, Guid unitId, string? assigneeId, CancellationToken ct)
    {
        Guard.That(await db.ResponsibleUnits.AnyAsync(u => u.Id == unitId && u.IsActive, ct), "task.unit", "Pilih unit penanggung jawab yang aktif.");
        if (string.IsNullOrWhiteSpace(assigneeId))
        {
            return;
        }

        var members = await FollowUpNotifier.UnitMembersAsync(db, unitId, ct);
        Guard.That(members.Contains(assigneeId), "task.assignee", "Petugas yang dipilih bukan anggota aktif unit tersebut.");
    }

    private DateOnly ProposedDueDate(FollowUpTask task, Severity severity, DateOnly today)
    {
        var proposed = task.DueDate ?? dueDays.Value.DueDate(severity, today);
        return proposed < today ? today : proposed;
    }

    private async Task<TaskDetail> DetailAsync(BalaiKotaDbContext db, Actor actor, Guid taskId, CancellationToken ct)
    {
        var task = await FollowUpAccess.Readable(db.FollowUpTasks.AsNoTracking(), actor).Include(t => t.History).SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw await DeniedOrNotFoundAsync(db, taskId, ct);
        var finding = await OneFindingViewAsync(db, task.FindingId, ct);
        var repeatFindingIds = (await MergedDraftsAsync(db, task.Id, ct)).Select(m => m.FindingId).ToList();
        var repeats = await FindingViewsAsync(db, repeatFindingIds, ct);
        var photos = await db.Photos.AsNoTracking().Where(p => p.TaskId == task.Id).OrderBy(p => p.UploadedAt)
            .Select(p => new { p.Id, p.Width, p.Height, p.Kind, p.UploadedAt, p.UploadedBy }).ToListAsync(ct);
        var userIds = task.History.Select(e => e.ByUserId).Concat(photos.Select(p => p.UploadedBy)).Append(task.AssigneeId ?? string.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var unitName = task.ResponsibleUnitId is { } unitId ? await db.ResponsibleUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct) : null;

        var timeline = new List<TimelineEntry> { new(finding.FoundAt, TimelineKind.Found, string.Empty, Note: finding.Description) };
        timeline.AddRange(task.History.Select(e => new TimelineEntry(e.At, TimelineKind.Event, names.GetValueOrDefault(e.ByUserId, e.ByUserId), e.Action, e.FromStatus, e.ToStatus, e.Note, e.HandBackReason)));
        timeline.AddRange(photos.Select(p => new TimelineEntry(p.UploadedAt, TimelineKind.Photo, names.GetValueOrDefault(p.UploadedBy, p.UploadedBy), Photo: new PhotoRef(p.Id, p.Width, p.Height), PhotoKind: p.Kind)));

        var today = Wib.Today(clock);
        return new TaskDetail(
            task.Id,
            task.Version,
            task.Status,
            task.Priority,
            task.DueDate,
            task.IsOverdue(today),
            task.ResponsibleUnitId,
            unitName,
            task.AssigneeId,
            task.AssigneeId is { } assignee ? names.GetValueOrDefault(assignee) : null,
            task.HandBackReason,
            task.MergedIntoTaskId,
            task.OpenedAt,
            task.ClosedAt,
            finding,
            repeatFindingIds.Select(id => repeats[id]).ToList(),
            photos.Where(p => p.Kind == PhotoKind.After).Select(p => new PhotoRef(p.Id, p.Width, p.Height)).ToList(),
            photos.Where(p => p.Kind == PhotoKind.Verification).Select(p => new PhotoRef(p.Id, p.Width, p.Height)).ToList(),
            timeline.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList(),
            task.AllowedActions(actor),
            task.MayComment(actor) && task.Status != FollowUpStatus.Merged,
            MayAddPhoto(task, actor, PhotoKind.After),
            MayAddPhoto(task, actor, PhotoKind.Verification));
    }

    private async Task<FindingView> OneFindingViewAsync(BalaiKotaDbContext db, Guid findingId, CancellationToken ct) =>
        (await FindingViewsAsync(db, [findingId], ct))[findingId];

    private async Task<Dictionary<Guid, FindingView>> FindingViewsAsync(BalaiKotaDbContext db, IEnumerable<Guid> findingIds, CancellationToken ct)
    {
        var ids = findingIds.Distinct().ToList();
        var rows = await (from f in db.Findings.AsNoTracking()
                          join v in db.Visits on f.VisitId equals v.Id
                          join r in db.Rooms on f.RoomId equals r.Id
                          join o in db.Opds on r.OpdId equals o.Id
                          join b in db.Buildings on r.BuildingId equals b.Id
                          where ids.Contains(f.Id)
                          select new
                          {
                              Finding = f,
                              Visit = v,
                              Opd = o,
                              Building = b.Name,
                              Room = r,
                              Value = db.Answers.Where(a => a.Id == f.AnswerId).Select(a => a.Value).FirstOrDefault(),
                          })
            .ToListAsync(ct);
        var answerIds = rows.Select(r => r.Finding.AnswerId).OfType<Guid>().ToList();
        var photos = await db.Photos.AsNoTracking()
            .Where(p => (p.FindingId != null && ids.Contains(p.FindingId.Value)) || (p.AnswerId != null && answerIds.Contains(p.AnswerId.Value)))
            .OrderBy(p => p.UploadedAt)
            .Select(p => new { p.FindingId, p.AnswerId, Ref = new PhotoRef(p.Id, p.Width, p.Height) })
            .ToListAsync(ct);
        var views = new Dictionary<Guid, FindingView>();
        foreach (var row in rows)
        {
            var f = row.Finding;
            var template = await templates.GetAsync(row.Visit.TemplateId, ct);
            views[f.Id] = new FindingView(
                f.Id,
                f.VisitId,
                row.Visit.PlannedDate,
                row.Opd.Name,
                row.Building,
                row.Room.Id,
                row.Room.Name,
                row.Room.Floor,
                f.Area,
                f.Severity,
                f.Description,
                f.Status,
                f.ItemId is { } itemId ? template.Items.SingleOrDefault(i => i.Id == itemId) : null,
                row.Value,
                EvaluationContext.For(row.Visit, row.Room),
                photos.Where(p => p.FindingId == f.Id || (f.AnswerId != null && p.AnswerId == f.AnswerId)).Select(p => p.Ref).ToList(),
                f.FoundAt);
        }

        return views;
    }

    /// <summary>Open tasks of the same room for the same item (matched by code across template versions), or the same area for ad hoc findings.</summary>
    private static async Task<IReadOnlyList<MergeCandidate>> MergeCandidatesAsync(BalaiKotaDbContext db, FollowUpTask task, FindingView finding, CancellationToken ct)
    {
        var code = finding.Item?.Code;
        var rows = await (from t in db.FollowUpTasks.AsNoTracking()
                          join f in db.Findings on t.FindingId equals f.Id
                          where f.RoomId == finding.RoomId && t.Id != task.Id && t.MergedIntoTaskId == null
                                && t.Status != FollowUpStatus.Verified && t.Status != FollowUpStatus.Dismissed && t.Status != FollowUpStatus.Merged
                                && (code == null
                                    ? f.ItemId == null && f.Area == finding.Area
                                    : db.ChecklistItems.Any(i => i.Id == f.ItemId && i.Code == code))
                          orderby t.OpenedAt
                          select new
                          {
                              t.Id,
                              t.Status,
                              Unit = db.ResponsibleUnits.Where(u => u.Id == t.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(),
                              t.DueDate,
                              f.FoundAt,
                          })
            .ToListAsync(ct);
        return rows.Select(r => new MergeCandidate(r.Id, r.Status, r.Unit, r.DueDate, DateOnly.FromDateTime(Wib.ToWib(r.FoundAt)))).ToList();
    }

    private static async Task<DomainException> DeniedOrNotFoundAsync(BalaiKotaDbContext db, Guid taskId, CancellationToken ct) =>
        await db.FollowUpTasks.AnyAsync(t => t.Id == taskId, ct) ? FollowUpAccess.Denied("membuka tugas ini") : FollowUpAccess.NotFound();
}

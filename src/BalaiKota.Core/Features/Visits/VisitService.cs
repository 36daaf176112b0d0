using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core.Features.Visits;

/// <summary>Planning, listing, signing off and submitting visits. The room-by-room work is in <see cref="InspectionService"/>.</summary>
public sealed class VisitService(
    IDbContextFactory<BalaiKotaDbContext> contexts,
    TemplateCache templates,
    IOptions<DueDays> dueDays,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<VisitRow>> ListAsync(Actor actor, VisitListFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visits = VisitAccess.Readable(db.Visits.AsNoTracking(), actor);
        if (filter.OpdId is { } opdId)
        {
            visits = visits.Where(v => v.OpdId == opdId);
        }

        if (filter.Status is { } status)
        {
            visits = visits.Where(v => v.Status == status);
        }

        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, filter.Month ?? 1, 1);
            var to = filter.Month is null ? from.AddYears(1) : from.AddMonths(1);
            visits = visits.Where(v => v.PlannedDate >= from && v.PlannedDate < to);
        }

        if (filter.Week is { } week)
        {
            var (monday, nextMonday) = (week.FirstDay, week.EndDay);
            visits = visits.Where(v => v.PlannedDate >= monday && v.PlannedDate < nextMonday);
        }

        return await visits
            .OrderByDescending(v => v.PlannedDate).ThenByDescending(v => v.Id)
            .Take(500)
            .Select(v => new VisitRow(
                v.Id,
                db.Opds.Where(o => o.Id == v.OpdId).Select(o => o.Name).First(),
                v.PlannedDate,
                v.Status,
                db.Users.Where(u => u.Id == v.LeadInspectorId).Select(u => u.FullName).First(),
                v.Rooms.Count))
            .ToListAsync(ct);
    }

    public async Task<PlanningOptions> GetPlanningOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!VisitAccess.MayPlan(actor) && !VisitAccess.ReadsAll(actor))
        {
            throw VisitAccess.Denied("membuka daftar kunjungan");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id.ToString(), o.Name)).ToListAsync(ct);
        var inspectorRoleId = await db.Roles.Where(r => r.Name == Roles.Inspector).Select(r => r.Id).SingleAsync(ct);
        var inspectors = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == inspectorRoleId))
            .OrderBy(u => u.FullName)
            .Select(u => new Choice(u.Id, u.FullName))
            .ToListAsync(ct);
        return new PlanningOptions(opds, inspectors);
    }

    public async Task<IReadOnlyList<RoomOption>> ActiveRoomsAsync(Actor actor, Guid opdId, CancellationToken ct = default)
    {
        if (!VisitAccess.MayPlan(actor))
        {
            throw VisitAccess.Denied("melihat ruangan untuk kunjungan");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Rooms.AsNoTracking().Where(r => r.OpdId == opdId && r.IsActive)
            .OrderBy(r => r.Floor).ThenBy(r => r.Name)
            .Select(r => new RoomOption(r.Id, r.Name, r.Floor, r.Type))
            .ToListAsync(ct);
    }

    /// <summary>Plans a visit on the template version published now; without a choice of rooms it covers every active room of the OPD.</summary>
    public async Task<Guid> PlanAsync(Actor actor, PlanVisitRequest request, CancellationToken ct = default)
    {
        if (!VisitAccess.MayPlan(actor))
        {
            throw VisitAccess.Denied("merencanakan kunjungan");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var opd = await db.Opds.SingleOrDefaultAsync(o => o.Id == request.OpdId, ct)
            ?? throw new DomainException("visit.opd", "Pilih OPD yang akan dikunjungi.");
        var today = Wib.Today(clock);
        Guard.That(request.PlannedDate >= today.AddYears(-1) && request.PlannedDate <= today.AddYears(1), "visit.date", "Tanggal kunjungan harus dalam satu tahun dari hari ini.");
        Guard.That(!request.StartNow || request.PlannedDate == today, "visit.startNotToday", "Kunjungan hanya dapat langsung dimulai pada hari ini.");
        // Only inspectors record answers, so a team of anyone else would make a visit nobody can fill in.
        var team = request.TeamUserIds.Append(request.LeadInspectorId).Distinct().ToList();
        var inspectorRoleId = await db.Roles.Where(r => r.Name == Roles.Inspector).Select(r => r.Id).SingleAsync(ct);
        var inspectors = await db.Users
            .Where(u => team.Contains(u.Id) && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == inspectorRoleId))
            .CountAsync(ct);
        Guard.That(inspectors == team.Count, "visit.teamNotInspectors", "Ketua dan anggota tim harus peninjau yang aktif.");

        var template = await db.ChecklistTemplates.AsNoTracking()
            .Where(t => t.Status == TemplateStatus.Published).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("visit.noTemplate", "Belum ada templat daftar periksa yang terbit.");
        var visit = Visit.Plan(opd, request.PlannedDate, request.LeadInspectorId, template);
        foreach (var userId in request.TeamUserIds.Distinct().Where(id => id != request.LeadInspectorId))
        {
            visit.AddTeamMember(userId);
        }

        foreach (var official in request.Officials.Where(o => !string.IsNullOrWhiteSpace(o.Name)))
        {
            visit.AddAccompanyingOfficial(official.Name, official.Position);
        }

        var rooms = await db.Rooms.Where(r => r.OpdId == opd.Id && r.IsActive).OrderBy(r => r.Floor).ThenBy(r => r.Name).ToListAsync(ct);
        var chosen = request.RoomIds is null ? rooms : rooms.Where(r => request.RoomIds.Contains(r.Id)).ToList();
        Guard.That(request.RoomIds is null || chosen.Count == request.RoomIds.Distinct().Count(), "visit.roomOtherOpd", "Ada ruangan yang bukan milik OPD ini atau sudah tidak aktif.");
        Guard.That(chosen.Count > 0, "visit.noRooms", "Pilih paling sedikit satu ruangan.");
        foreach (var room in chosen)
        {
            visit.AddRoom(room);
        }

        if (request.StartNow)
        {
            visit.Start(clock.GetUtcNow().UtcDateTime);
        }

        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return visit.Id;
    }

    /// <summary>The two-tap visit: today, the caller leading, every active room of the OPD, started at once.</summary>
    public Task<Guid> StartAdHocAsync(Actor actor, Guid opdId, CancellationToken ct = default) =>
        actor.IsIn(Roles.Inspector)
            ? PlanAsync(actor, new PlanVisitRequest(opdId, Wib.Today(clock), actor.UserId, [], [], null, StartNow: true), ct)
            : throw VisitAccess.Denied("memulai kunjungan sebagai peninjau");

    public async Task StartAsync(Actor actor, Guid visitId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var visit = await LoadForChangeAsync(db, actor, visitId, "memulai kunjungan ini", ct);
        visit.Start(clock.GetUtcNow().UtcDateTime);
        await SaveAsync(db, ct);
    }

    public async Task<VisitOverview> GetOverviewAsync(Actor actor, Guid visitId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ReadAsync(db, actor, visitId, ct)).Overview;
    }

    public async Task<VisitSummary> GetSummaryAsync(Actor actor, Guid visitId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (visit, template, rooms, overview) = await ReadAsync(db, actor, visitId, ct);
        var areas = template.Categories.SelectMany(c => c.Items.Select(i => (i.Id, c.Area))).ToDictionary(x => x.Id, x => x.Area);
        var unanswered = visit.UnansweredItems(template, rooms.Values)
            .Select(u => new UnansweredLine(rooms[u.Room.RoomId].Name, areas[u.Item.Id], u.Item.LabelId, u.Item.LabelEn))
            .ToList();

        var notOk = new List<SummaryLine>();
        foreach (var inspection in visit.Rooms.OrderBy(r => r.SortOrder))
        {
            foreach (var item in template.Items)
            {
                if (inspection.Answers.SingleOrDefault(a => a.ItemId == item.Id) is { Outcome: AnswerOutcome.NotOk } answer)
                {
                    var reading = answer.Value is { } v && item.AnswerType == AnswerType.Measurement
                        ? $": {v.ToString("0.##", CultureInfo.CurrentCulture)} {ChecklistItem.UnitSymbol(item.Unit)}"
                        : string.Empty;
                    notOk.Add(new SummaryLine(rooms[inspection.RoomId].Name, areas[item.Id], item.LabelId, item.LabelEn, reading + (answer.Note is { } note ? $" — {note}" : string.Empty), answer.Severity, IsAdHoc: false));
                }
            }
        }

        var adHoc = await db.Findings.AsNoTracking().Where(f => f.VisitId == visitId && f.ItemId == null).OrderBy(f => f.FoundAt).ToListAsync(ct);
        notOk.AddRange(adHoc.Select(f => new SummaryLine(rooms[f.RoomId].Name, f.Area, f.Description, f.Description, string.Empty, f.Severity, IsAdHoc: true)));
        var signatures = await db.VisitSignatures.AsNoTracking().Where(s => s.VisitId == visitId)
            .Select(s => new SignatureView(s.Signer, s.Name, s.Position, s.SignedAt)).ToListAsync(ct);
        return new VisitSummary(overview, notOk, unanswered, signatures);
    }

    public async Task<byte[]?> GetSignaturePngAsync(Actor actor, Guid visitId, VisitSigner signer, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var readable = await VisitAccess.Readable(db.Visits, actor).AnyAsync(v => v.Id == visitId, ct);
        if (!readable)
        {
            return null;
        }

        return await db.VisitSignatures.AsNoTracking().Where(s => s.VisitId == visitId && s.Signer == signer).Select(s => s.Png).SingleOrDefaultAsync(ct);
    }

    /// <summary>Stores a signature drawn on the tablet, replacing an earlier one of the same signer.</summary>
    public async Task SignAsync(Actor actor, Guid visitId, SignRequest request, CancellationToken ct = default)
    {
        Guard.That(request.Png.AsSpan().StartsWith(PngSignature), "visit.signatureImage", "Tanda tangan kosong atau terlalu besar; bubuhkan ulang.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var (visit, transaction) = await VisitWriteLock.TakeAsync(db, actor, visitId, now, "menandatangani kunjungan ini", q => q, ct);
        await using (transaction)
        {
            if (request.Signer == VisitSigner.LeadInspector && visit.LeadInspectorId != actor.UserId)
            {
                throw VisitAccess.Denied("menandatangani sebagai ketua tim");
            }

            var signature = visit.Sign(request.Signer, request.Name, request.Position, request.Png, now);
            var earlier = await db.VisitSignatures.Where(s => s.VisitId == visitId && s.Signer == request.Signer).ToListAsync(ct);
            db.VisitSignatures.RemoveRange(earlier);
            db.VisitSignatures.Add(signature);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Locks the visit, records unanswered items as not inspected, turns every not-OK answer into a finding and opens a
    /// task draft with a due date from its severity for every finding that has none, all in one transaction.
    /// </summary>
    /// <param name="confirmUnanswered">The inspector saw the list of unanswered items and still wants to submit.</param>
    public async Task<SubmitResult> SubmitAsync(Actor actor, Guid visitId, bool confirmUnanswered, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var (visit, transaction) = await VisitWriteLock.TakeAsync(db, actor, visitId, now, "mengirim kunjungan ini", q => q.Include(v => v.Rooms).ThenInclude(r => r.Answers).AsSplitQuery(), ct);
        await using var lockHeld = transaction;
        var template = await templates.GetAsync(visit.TemplateId, ct);
        var rooms = await RoomsOfAsync(db, visit, ct);
        var unanswered = visit.UnansweredItems(template, rooms.Values).Count();
        Guard.That(unanswered == 0 || confirmUnanswered, "visit.unansweredNotConfirmed", $"Masih ada {unanswered} butir yang belum dijawab; konfirmasi bahwa butir itu dicatat sebagai tidak diperiksa.");
        var signers = await db.VisitSignatures.Where(s => s.VisitId == visitId).Select(s => s.Signer).ToListAsync(ct);

        visit.Submit(template, rooms.Values, signers, actor.UserId, now);
        var answersWithFinding = (await db.Findings.Where(f => f.VisitId == visitId && f.AnswerId != null).Select(f => f.AnswerId!.Value).ToListAsync(ct)).ToHashSet();
        var contextByRoom = rooms.Values.ToDictionary(r => r.Id, r => EvaluationContext.For(visit, r));
        var findings = visit.FindingsFromNotOkAnswers(template, answersWithFinding, contextByRoom, now);
        db.Findings.AddRange(findings);

        var adHocWithoutTask = await db.Findings
            .Where(f => f.VisitId == visitId && f.ItemId == null && f.Status == FindingStatus.Open && !db.FollowUpTasks.Any(t => t.FindingId == f.Id))
            .ToListAsync(ct);
        var today = Wib.Today(clock);
        var tasks = findings.Concat(adHocWithoutTask)
            .Select(f => FollowUpTask.DraftFrom(f, actor.UserId, now, dueDays.Value.DueDate(f.Severity, today)))
            .ToList();
        db.FollowUpTasks.AddRange(tasks);
        await SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new SubmitResult(findings.Count + adHocWithoutTask.Count, tasks.Count);
    }

    /// <summary>An administrator opens a submitted visit again, with a reason that the audit log keeps.</summary>
    public async Task ReopenAsync(Actor actor, Guid visitId, string reason, CancellationToken ct = default)
    {
        if (!VisitAccess.MayReopen(actor))
        {
            throw VisitAccess.Denied("membuka kembali kunjungan yang sudah dikirim");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw NotFound();
        visit.Reopen(reason, clock.GetUtcNow().UtcDateTime);

        // The signatures were given for what was submitted; what is submitted again must be signed again.
        db.VisitSignatures.RemoveRange(await db.VisitSignatures.Where(s => s.VisitId == visitId).ToListAsync(ct));
        await SaveAsync(db, ct);
    }

    /// <summary>The room behind a door's QR code, and the caller's visit in progress for that room's OPD.</summary>
    public async Task<RoomLink?> FindRoomLinkAsync(Actor actor, Guid roomId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var room = await db.Rooms.AsNoTracking().Where(r => r.Id == roomId)
            .Select(r => new { r.Id, r.Name, r.OpdId, Opd = db.Opds.Where(o => o.Id == r.OpdId).Select(o => o.Name).First() })
            .SingleOrDefaultAsync(ct);
        if (room is null)
        {
            return null;
        }

        var userId = actor.UserId;
        var visit = await db.Visits.AsNoTracking()
            .Where(v => v.OpdId == room.OpdId && v.Status == VisitStatus.InProgress && (v.LeadInspectorId == userId || v.Team.Any(m => m.UserId == userId)))
            .OrderByDescending(v => v.StartedAt)
            .Select(v => new { v.Id, HasRoom = v.Rooms.Any(r => r.RoomId == roomId) })
            .FirstOrDefaultAsync(ct);
        return new RoomLink(room.Id, room.Name, room.OpdId, room.Opd, visit?.Id, visit?.HasRoom ?? false);
    }

    internal static async Task<Dictionary<Guid, Room>> RoomsOfAsync(BalaiKotaDbContext db, Visit visit, CancellationToken ct)
    {
        var ids = visit.Rooms.Select(r => r.RoomId).ToList();
        return await db.Rooms.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
    }

    internal static DomainException NotFound() => new("visit.notFound", "Kunjungan tidak ditemukan.");

    /// <summary>Saves, turning a concurrent change of the visit into a message instead of a lost update.</summary>
    internal static async Task SaveAsync(BalaiKotaDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("visit.concurrent", "Kunjungan ini baru saja diubah oleh orang lain. Muat ulang halaman untuk melihat keadaan terbarunya.");
        }
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static async Task<Visit> LoadForChangeAsync(BalaiKotaDbContext db, Actor actor, Guid visitId, string what, CancellationToken ct)
    {
        var visit = await db.Visits.Include(v => v.Team).SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw NotFound();
        return VisitAccess.MayInspect(visit, actor) ? visit : throw VisitAccess.Denied(what);
    }

    /// <summary>The visit as the caller may read it, with its template and rooms, and the overview the pages show.</summary>
    private async Task<(Visit Visit, ChecklistTemplate Template, Dictionary<Guid, Room> Rooms, VisitOverview Overview)> ReadAsync(BalaiKotaDbContext db, Actor actor, Guid visitId, CancellationToken ct)
    {
        var visit = await VisitAccess.Readable(db.Visits.AsNoTracking(), actor)
            .Include(v => v.Team).Include(v => v.Rooms).ThenInclude(r => r.Answers).AsSplitQuery()
            .SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            var exists = await db.Visits.AnyAsync(v => v.Id == visitId, ct);
            throw exists ? VisitAccess.Denied("membuka kunjungan ini") : NotFound();
        }

        var template = await templates.GetAsync(visit.TemplateId, ct);
        var opdName = await db.Opds.Where(o => o.Id == visit.OpdId).Select(o => o.Name).SingleAsync(ct);
        var userIds = visit.Team.Where(m => m.UserId != null).Select(m => m.UserId!).Append(visit.LeadInspectorId).ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var rooms = await RoomsOfAsync(db, visit, ct);
        var adHocByRoom = await db.Findings.Where(f => f.VisitId == visitId && f.ItemId == null).GroupBy(f => f.RoomId)
            .Select(g => new { RoomId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RoomId, g => g.Count, ct);
        var findings = await db.Findings.AsNoTracking().Where(f => f.VisitId == visitId)
            .OrderBy(f => f.FoundAt).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.RoomId, f.Area, f.Severity, f.Description, Task = db.FollowUpTasks.Where(t => t.FindingId == f.Id).Select(t => new { t.Status, t.DueDate }).FirstOrDefault() })
            .ToListAsync(ct);

        var progress = visit.Rooms.OrderBy(r => r.SortOrder).Select(r =>
        {
            var room = rooms[r.RoomId];
            return new RoomProgress(
                room.Id,
                room.Name,
                room.Floor,
                room.Type,
                r.Answers.Count(a => a.Outcome != AnswerOutcome.NotInspected),
                template.Items.Count(i => i.AppliesTo(room.Type)),
                r.Answers.Count(a => a.Outcome == AnswerOutcome.NotOk) + adHocByRoom.GetValueOrDefault(r.RoomId),
                room.NeedsConfirmation);
        }).ToList();

        var overview = new VisitOverview(
            visit.Id,
            visit.OpdId,
            opdName,
            visit.PlannedDate,
            visit.Status,
            names.GetValueOrDefault(visit.LeadInspectorId, visit.LeadInspectorId),
            visit.Team.Where(m => m.UserId != null).Select(m => names.GetValueOrDefault(m.UserId!, m.UserId!)).ToList(),
            visit.Team.Where(m => m.OfficialName != null).Select(m => new AccompanyingOfficial(m.OfficialName!, m.OfficialPosition)).ToList(),
            progress,
            CanEdit: visit.Status is VisitStatus.Planned or VisitStatus.InProgress && VisitAccess.MayInspect(visit, actor),
            CanReopen: visit.Status == VisitStatus.Submitted && VisitAccess.MayReopen(actor),
            visit.ReopenReason,
            findings.Select(f => new FindingLine(f.Id, rooms[f.RoomId].Name, f.Area, f.Severity, f.Description, f.Task?.Status, f.Task?.DueDate)).ToList());
        return (visit, template, rooms, overview);
    }
}

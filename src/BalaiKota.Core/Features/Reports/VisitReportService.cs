using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Reports;

/// <summary>Gathers what "Laporan Hasil Peninjauan" prints for one submitted visit, for whoever may read that visit.</summary>
public sealed class VisitReportService(IDbContextFactory<BalaiKotaDbContext> contexts, TemplateCache templates, TimeProvider clock)
{
    public const string NotFoundCode = "report.visitNotFound";

    public const string NotSubmittedCode = "report.visitNotSubmitted";

    /// <summary>Leadership, the secretariat and administrators read every visit's report; an inspector those of their own team.</summary>
    public static bool MayRead(Actor actor) => VisitAccess.ReadsAll(actor) || actor.IsIn(Roles.Inspector);

    public async Task<VisitReportModel> BuildAsync(Actor actor, Guid visitId, ReportLanguage language, CancellationToken ct = default)
    {
        if (!MayRead(actor))
        {
            throw VisitAccess.Denied("membaca laporan peninjauan");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var visit = await db.Visits.AsNoTracking()
            .Include(v => v.Team).Include(v => v.Rooms).ThenInclude(r => r.Answers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new DomainException(NotFoundCode, "Kunjungan tidak ditemukan.");
        if (!VisitAccess.ReadsAll(actor) && visit.LeadInspectorId != actor.UserId && visit.Team.All(m => m.UserId != actor.UserId))
        {
            throw VisitAccess.Denied("membaca laporan kunjungan tim lain");
        }

        if (visit.Status != VisitStatus.Submitted || visit.SubmittedAt is not { } submittedAt)
        {
            throw new DomainException(NotSubmittedCode, "Laporan tersedia setelah kunjungan dikirim.");
        }

        var culture = ReportCulture.Of(language);
        var template = await templates.GetAsync(visit.TemplateId, ct);
        var opd = await db.Opds.AsNoTracking().SingleAsync(o => o.Id == visit.OpdId, ct);
        var roomIds = visit.Rooms.Select(r => r.RoomId).ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var buildingIds = rooms.Values.Select(r => r.BuildingId).Distinct().ToList();
        var buildings = await db.Buildings.AsNoTracking().Where(b => buildingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var userIds = visit.Team.Where(m => m.UserId != null).Select(m => m.UserId!).Append(visit.LeadInspectorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var signatures = await db.VisitSignatures.AsNoTracking().Where(s => s.VisitId == visitId).ToDictionaryAsync(s => s.Signer, ct);

        var items = template.Items.ToDictionary(i => i.Id);
        var areaOfCategory = template.Categories.ToDictionary(c => c.Id, c => c.Area);
        var categoryOrder = template.Categories.ToDictionary(c => c.Id, c => c.SortOrder);
        var reportRooms = visit.Rooms.OrderBy(r => r.SortOrder).Select(inspection =>
        {
            var room = rooms[inspection.RoomId];
            var context = EvaluationContext.For(visit, room);
            var answers = inspection.Answers
                .Where(a => items.ContainsKey(a.ItemId))
                .Select(a => (Answer: a, Item: items[a.ItemId]))
                .OrderBy(x => categoryOrder[x.Item.CategoryId]).ThenBy(x => x.Item.SortOrder)
                .Select(x => new VisitReportAnswer(
                    areaOfCategory[x.Item.CategoryId],
                    ReportCulture.Label(x.Item, language),
                    ReportCulture.Reading(x.Item, x.Answer.Value, culture),
                    x.Item.AnswerType == AnswerType.PassFail ? string.Empty : x.Item.BandText(culture, context),
                    ReportCulture.Source(x.Item),
                    x.Answer.Outcome,
                    x.Answer.Note))
                .ToList();
            return new VisitReportRoom(room.Name, buildings.GetValueOrDefault(room.BuildingId, string.Empty), room.Floor, room.Type, answers);
        }).ToList();

        var findings = await FindingsAsync(db, visitId, rooms, items, language, ct);
        var allAnswers = visit.Rooms.SelectMany(r => r.Answers).ToList();
        var summary = new VisitReportSummary(
            visit.Rooms.Count,
            allAnswers.Count,
            allAnswers.Count(a => a.Outcome == AnswerOutcome.Ok),
            allAnswers.Count(a => a.Outcome == AnswerOutcome.NotOk),
            allAnswers.Count(a => a.Outcome == AnswerOutcome.NotApplicable),
            allAnswers.Count(a => a.Outcome == AnswerOutcome.NotInspected),
            findings.Findings.Count(f => f.Item is null),
            findings.Findings.GroupBy(f => f.Area).OrderBy(g => g.Key).Select(g => new AreaCount(g.Key, g.Count())).ToList());

        return new VisitReportModel(
            language,
            visit.Id,
            opd.Name,
            visit.PlannedDate,
            visit.StartedAt,
            submittedAt,
            names.GetValueOrDefault(visit.LeadInspectorId, string.Empty),
            visit.Team.Where(m => m.UserId != null).Select(m => names.GetValueOrDefault(m.UserId!, string.Empty)).ToList(),
            visit.Team.Where(m => m.OfficialName != null).Select(m => new AccompanyingOfficial(m.OfficialName!, m.OfficialPosition)).ToList(),
            template.Name,
            template.Version,
            reportRooms,
            findings.Findings,
            findings.Tasks,
            summary,
            Signature(signatures.GetValueOrDefault(VisitSigner.LeadInspector), names.GetValueOrDefault(visit.LeadInspectorId, string.Empty)),
            Signature(signatures.GetValueOrDefault(VisitSigner.OpdRepresentative), string.Empty),
            clock.GetUtcNow().UtcDateTime);
    }

    private static VisitReportSignature Signature(VisitSignature? signature, string fallbackName) =>
        signature is null
            ? new VisitReportSignature(fallbackName, null, null, null)
            : new VisitReportSignature(signature.Name, signature.Position, signature.Png, signature.SignedAt);

    private static async Task<(IReadOnlyList<VisitReportFinding> Findings, IReadOnlyList<VisitReportTask> Tasks)> FindingsAsync(
        BalaiKotaDbContext db, Guid visitId, Dictionary<Guid, Room> rooms, Dictionary<Guid, ChecklistItem> items, ReportLanguage language, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => f.VisitId == visitId).OrderBy(f => f.FoundAt).ThenBy(f => f.Id).ToListAsync(ct);
        var findingIds = findings.Select(f => f.Id).ToList();
        var answerIds = findings.Where(f => f.AnswerId != null).Select(f => f.AnswerId!.Value).ToList();
        var photos = await db.Photos.AsNoTracking()
            .Where(p => p.Kind == PhotoKind.Finding && ((p.FindingId != null && findingIds.Contains(p.FindingId.Value)) || (p.AnswerId != null && answerIds.Contains(p.AnswerId.Value))))
            .OrderBy(p => p.UploadedAt)
            .Select(p => new { p.FindingId, p.AnswerId, p.Thumbnail, p.Width, p.Height })
            .ToListAsync(ct);
        var tasks = await db.FollowUpTasks.AsNoTracking()
            .Where(t => findingIds.Contains(t.FindingId) && t.Status != FollowUpStatus.Merged)
            .OrderBy(t => t.OpenedAt)
            .Select(t => new { t.FindingId, t.Status, t.DueDate, Unit = db.ResponsibleUnits.Where(u => u.Id == t.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(ct);

        var reportFindings = new List<VisitReportFinding>();
        var reportTasks = new List<VisitReportTask>();
        foreach (var (finding, index) in findings.OrderBy(f => rooms[f.RoomId].Floor).ThenBy(f => rooms[f.RoomId].Name).ThenBy(f => f.Area).Select((f, i) => (f, i + 1)))
        {
            var roomName = rooms[finding.RoomId].Name;
            var item = finding.ItemId is { } itemId && items.TryGetValue(itemId, out var i) ? ReportCulture.Label(i, language) : null;
            var findingPhotos = photos
                .Where(p => p.FindingId == finding.Id || (finding.AnswerId != null && p.AnswerId == finding.AnswerId))
                .Select((p, n) => new ReportPhoto(p.Thumbnail, p.Width, p.Height, $"{index}.{n + 1} {roomName}"))
                .ToList();
            reportFindings.Add(new VisitReportFinding(index, roomName, finding.Area, finding.Severity, item, finding.Description, findingPhotos));
            reportTasks.AddRange(tasks.Where(t => t.FindingId == finding.Id).Select(t => new VisitReportTask(index, finding.Description, t.Status, t.Unit, t.DueDate)));
        }

        return (reportFindings, reportTasks);
    }
}

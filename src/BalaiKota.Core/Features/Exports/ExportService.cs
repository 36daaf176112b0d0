using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Exports;

/// <summary>
/// Findings and follow-up tasks as CSV or XLSX files: those of a WIB month, for the people who read every visit, and
/// those of a follow-ups list filter, for whoever reads that list (a repair unit only its own unit's tasks).
/// </summary>
public sealed class ExportService(IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    public async Task<ExportFile> FindingsOfMonthAsync(Actor actor, WibMonth month, Guid? opdId, ExportFormat format, ReportLanguage language, CancellationToken ct = default)
    {
        var rows = await FindingRowsAsync(actor, month, opdId, language, ct);
        var name = ReportWords.Pick(("temuan-", "findings-"), language) + month;
        return ExportWriter.Write(format, name, ReportWords.Pick(("Temuan", "Findings"), language), FindingColumns(language), rows);
    }

    public async Task<ExportFile> TasksOfMonthAsync(Actor actor, WibMonth month, Guid? opdId, ExportFormat format, ReportLanguage language, CancellationToken ct = default)
    {
        var rows = await TaskRowsAsync(actor, month, opdId, ct);
        var name = ReportWords.Pick(("tindak-lanjut-", "follow-ups-"), language) + month;
        return TaskFile(format, name, language, rows);
    }

    /// <summary>Every task of the follow-ups list under this filter, in its order, without its pages.</summary>
    public async Task<ExportFile> TasksOfListAsync(Actor actor, TaskListFilter filter, ExportFormat format, ReportLanguage language, CancellationToken ct = default)
    {
        var rows = await ListRowsAsync(actor, filter, ct);
        var name = ReportWords.Pick(("tindak-lanjut-daftar-", "follow-ups-list-"), language) + Wib.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TaskFile(format, name, language, rows);
    }

    /// <summary>The findings of the submitted visits dated in the month (by <see cref="VisitDate"/>), by date, OPD and room.</summary>
    public async Task<IReadOnlyList<FindingExportRow>> FindingRowsAsync(Actor actor, WibMonth month, Guid? opdId, ReportLanguage language, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await EnsureMonthExportAsync(db, actor, opdId, ct);
        var visits = db.Visits.AsNoTracking().Where(v => v.Status == VisitStatus.Submitted).Where(VisitDate.In(month));
        var rooms = opdId is { } opd ? db.Rooms.Where(r => r.OpdId == opd) : db.Rooms;
        var findings = from f in db.Findings.AsNoTracking()
                       join v in visits on f.VisitId equals v.Id
                       join r in rooms on f.RoomId equals r.Id
                       select f;
        var rows = await (from f in findings
                          join v in db.Visits on f.VisitId equals v.Id
                          join r in db.Rooms on f.RoomId equals r.Id
                          join o in db.Opds on r.OpdId equals o.Id
                          join b in db.Buildings on r.BuildingId equals b.Id
                          join i in db.ChecklistItems on f.ItemId equals i.Id into items
                          from i in items.DefaultIfEmpty()
                          select new
                          {
                              f.Id,
                              v.StartedAt,
                              v.PlannedDate,
                              Opd = o.Name,
                              Building = b.Name,
                              Room = r.Name,
                              r.Floor,
                              f.Area,
                              Code = i == null ? null : i.Code,
                              LabelId = i == null ? null : i.LabelId,
                              LabelEn = i == null ? null : i.LabelEn,
                              AnswerType = i == null ? (AnswerType?)null : i.AnswerType,
                              Unit = i == null ? null : i.Unit,
                              RatingMin = i == null ? null : i.RatingMin,
                              RatingMax = i == null ? null : i.RatingMax,
                              Value = db.Answers.Where(a => a.Id == f.AnswerId).Select(a => a.Value).FirstOrDefault(),
                              f.Severity,
                              f.Description,
                              f.Status,
                              f.FoundAt,
                          })
            .ToListAsync(ct);

        // A merged draft's repair is the task it joined: its status, unit and due date are what the finding waits for.
        var repairs = await (from t in db.FollowUpTasks.AsNoTracking()
                             where findings.Any(f => f.Id == t.FindingId)
                             join m in db.FollowUpTasks on t.MergedIntoTaskId equals m.Id into merged
                             from m in merged.DefaultIfEmpty()
                             select new
                             {
                                 t.FindingId,
                                 t.OpenedAt,
                                 Status = m == null ? t.Status : m.Status,
                                 Unit = db.ResponsibleUnits.Where(u => u.Id == (m == null ? t.ResponsibleUnitId : m.ResponsibleUnitId)).Select(u => u.Name).FirstOrDefault(),
                                 DueDate = m == null ? t.DueDate : m.DueDate,
                             })
            .ToListAsync(ct);
        var repairOf = repairs.GroupBy(t => t.FindingId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.OpenedAt)!);
        return rows
            .Select(x =>
            {
                var repair = repairOf.GetValueOrDefault(x.Id);
                var reading = x.AnswerType is AnswerType.Measurement or AnswerType.Rating ? x.Value : null;
                return new FindingExportRow(
                    VisitDate.Of(x.StartedAt, x.PlannedDate),
                    x.Opd,
                    x.Building,
                    x.Room,
                    x.Floor,
                    x.Area,
                    x.Code,
                    language == ReportLanguage.English ? x.LabelEn : x.LabelId,
                    reading,
                    reading is null ? null : x.AnswerType == AnswerType.Rating ? $"{x.RatingMin}–{x.RatingMax}" : ChecklistItem.UnitSymbol(x.Unit),
                    x.Severity,
                    x.Description,
                    x.Status,
                    repair?.Status,
                    repair?.Unit,
                    repair?.DueDate);
            })
            .OrderBy(r => r.VisitDate).ThenBy(r => r.OpdName, StringComparer.Ordinal).ThenBy(r => r.RoomName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The tasks opened in the month (WIB), oldest first; a merged draft is left out, its finding is repaired by the task it joined.</summary>
    public async Task<IReadOnlyList<TaskRow>> TaskRowsAsync(Actor actor, WibMonth month, Guid? opdId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await EnsureMonthExportAsync(db, actor, opdId, ct);
        var (start, end) = (month.StartUtc, month.EndUtc);
        var tasks = db.FollowUpTasks.AsNoTracking().Where(t => t.OpenedAt >= start && t.OpenedAt < end && t.Status != FollowUpStatus.Merged);
        if (opdId is { } opd)
        {
            tasks = tasks.Where(t => db.Findings.Any(f => f.Id == t.FindingId && db.Rooms.Any(r => r.Id == f.RoomId && r.OpdId == opd)));
        }

        var rows = await TaskListQuery.RowsOfAsync(db, tasks, Wib.Today(clock), ct);
        return rows.Values.OrderBy(r => r.OpenedAt).ThenBy(r => r.Id).ToList();
    }

    /// <summary>The rows of the follow-ups list under the filter, all pages, read with the list's own queries and access rules.</summary>
    public async Task<IReadOnlyList<TaskRow>> ListRowsAsync(Actor actor, TaskListFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        actor = await FollowUpAccess.WithUnitAsync(db, actor, ct);
        if (!FollowUpAccess.ReadsAll(actor) && actor.ResponsibleUnitId is null)
        {
            throw FollowUpAccess.Denied("mengekspor tindak lanjut");
        }

        return await TaskListQuery.AllRowsAsync(db, actor, filter, Wib.Today(clock), ct);
    }

    /// <summary>
    /// Month exports cover every OPD's visits, so they are for those who read all of them. Access is checked before the
    /// OPD is looked up, so that a refused caller learns nothing of which OPDs exist.
    /// </summary>
    private static async Task EnsureMonthExportAsync(BalaiKotaDbContext db, Actor actor, Guid? opdId, CancellationToken ct)
    {
        if (!MonthlyReportService.MayRead(actor))
        {
            throw VisitAccess.Denied("mengekspor data bulanan");
        }

        if (opdId is { } id && !await db.Opds.AnyAsync(o => o.Id == id, ct))
        {
            throw MonthlyReportService.OpdNotFound();
        }
    }

    private ExportFile TaskFile(ExportFormat format, string name, ReportLanguage language, IReadOnlyList<TaskRow> rows) =>
        ExportWriter.Write(format, name, ReportWords.Pick(("Tindak lanjut", "Follow-ups"), language), TaskColumns(language, Wib.Today(clock)), rows);

    private static List<ExportColumn<FindingExportRow>> FindingColumns(ReportLanguage l) =>
    [
        new(ReportWords.Pick(("Tanggal kunjungan", "Visit date"), l), CellKind.Date, 12, r => r.VisitDate),
        new("OPD", CellKind.Text, 30, r => r.OpdName),
        new(ReportWords.Pick(("Gedung", "Building"), l), CellKind.Text, 28, r => r.BuildingName),
        new(ReportWords.Pick(("Ruangan", "Room"), l), CellKind.Text, 28, r => r.RoomName),
        new(ReportWords.Pick(("Lantai", "Floor"), l), CellKind.Number, 7, r => r.Floor),
        new(ReportWords.Pick(("Kategori", "Category"), l), CellKind.Text, 14, r => ReportWords.Name(r.Area, l)),
        new(ReportWords.Pick(("Kode butir", "Item code"), l), CellKind.Text, 12, r => r.ItemCode),
        new(ReportWords.Pick(("Butir", "Item"), l), CellKind.Text, 40, r => r.ItemLabel),
        new(ReportWords.Pick(("Hasil ukur", "Reading"), l), CellKind.Number, 10, r => r.Reading),
        new(ReportWords.Pick(("Satuan ukur", "Reading unit"), l), CellKind.Text, 10, r => r.ReadingUnit),
        new(ReportWords.Pick(("Tingkat keparahan", "Severity"), l), CellKind.Text, 12, r => ReportWords.Name(r.Severity, l)),
        new(ReportWords.Pick(("Uraian", "Description"), l), CellKind.Text, 50, r => r.Description),
        new(ReportWords.Pick(("Status temuan", "Finding status"), l), CellKind.Text, 14, r => ReportWords.Name(r.Status, l)),
        new(ReportWords.Pick(("Status tindak lanjut", "Follow-up status"), l), CellKind.Text, 24, r => r.TaskStatus is { } s ? ReportWords.Name(s, l) : null),
        new(ReportWords.Pick(("Unit penanggung jawab", "Responsible unit"), l), CellKind.Text, 28, r => r.UnitName),
        new(ReportWords.Pick(("Tenggat", "Due date"), l), CellKind.Date, 12, r => r.DueDate),
    ];

    private static List<ExportColumn<TaskRow>> TaskColumns(ReportLanguage l, DateOnly today) =>
    [
        new(ReportWords.Pick(("Uraian", "Description"), l), CellKind.Text, 50, r => r.Description),
        new("OPD", CellKind.Text, 30, r => r.OpdName),
        new(ReportWords.Pick(("Ruangan", "Room"), l), CellKind.Text, 28, r => r.RoomName),
        new(ReportWords.Pick(("Kategori", "Category"), l), CellKind.Text, 14, r => ReportWords.Name(r.Area, l)),
        new(ReportWords.Pick(("Tingkat keparahan", "Severity"), l), CellKind.Text, 12, r => ReportWords.Name(r.Severity, l)),
        new("Status", CellKind.Text, 24, r => ReportWords.Name(r.Status, l)),
        new(ReportWords.Pick(("Prioritas", "Priority"), l), CellKind.Text, 10, r => ReportWords.Name(r.Priority, l)),
        new(ReportWords.Pick(("Unit penanggung jawab", "Responsible unit"), l), CellKind.Text, 28, r => r.UnitName),
        new(ReportWords.Pick(("Petugas", "Assignee"), l), CellKind.Text, 24, r => r.AssigneeName),
        new(ReportWords.Pick(("Tenggat", "Due date"), l), CellKind.Date, 12, r => r.DueDate),
        new(ReportWords.Pick(("Dibuka", "Opened"), l), CellKind.Time, 17, r => Wib.ToWib(r.OpenedAt)),
        new(ReportWords.Pick(("Ditutup", "Closed"), l), CellKind.Time, 17, r => r.ClosedAt is { } closed ? Wib.ToWib(closed) : null),
        new(ReportWords.Pick(("Hari terlambat", "Days overdue"), l), CellKind.Number, 9, r => r.IsOverdue && r.DueDate is { } due ? today.DayNumber - due.DayNumber : null),
    ];
}

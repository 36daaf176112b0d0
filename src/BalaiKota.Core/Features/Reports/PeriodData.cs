using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Reports;

internal sealed record VisitFact(Guid Id, Guid OpdId, DateTime SubmittedAt, DateOnly VisitDate, int Rooms);

/// <summary>The weights of a visit's OK and not-OK answers, the two sums behind the comfort index.</summary>
internal sealed record WeightFact(Guid VisitId, decimal Ok, decimal NotOk);

internal sealed record FindingFact(Guid Id, Guid VisitId, InspectionArea Area, Severity Severity);

internal sealed record TaskFact(
    Guid Id,
    Guid FindingId,
    Guid OpdId,
    FollowUpStatus Status,
    DateTime OpenedAt,
    DateTime? ClosedAt,
    DateOnly? DueDate,
    string Description,
    string RoomName,
    string OpdShortName,
    string? UnitName)
{
    public OverdueTaskRow ToOverdueRow(int daysOverdue, FollowUpStatus statusThen) =>
        new(Description, RoomName, OpdShortName, UnitName, DueDate!.Value, daysOverdue, statusThen);
}

/// <summary>The rows a period's figures, its previous period's and its trend's are counted from.</summary>
internal sealed record PeriodFacts(List<VisitFact> Visits, List<WeightFact> Weights, List<FindingFact> Findings, List<TaskFact> Tasks)
{
    public List<VisitFact> VisitsIn(WibPeriod period) => Visits.Where(v => period.Contains(v.SubmittedAt)).ToList();

    public List<FindingFact> FindingsIn(WibPeriod period)
    {
        var ids = VisitsIn(period).Select(v => v.Id).ToHashSet();
        return Findings.Where(f => ids.Contains(f.VisitId)).ToList();
    }
}

internal sealed record ReadingFact(string Code, Guid RoomId, ReadingRow Row);

internal sealed record RepeatFact(Guid RoomId, RepeatFindingRow Row);

/// <summary>What the figures are narrowed to: one OPD, one building (the rooms in it), both or neither.</summary>
internal sealed record FigureScope(Guid? OpdId, Guid? BuildingId)
{
    public static FigureScope All { get; } = new(null, null);
}

/// <summary>A reading as the query returns it; set by name, so that the database can still sort on its value.</summary>
internal sealed class ReadingAnswer
{
    public required string Code { get; init; }

    public required Guid ItemId { get; init; }

    public required Guid RoomId { get; init; }

    public required decimal Value { get; init; }

    public required AnswerOutcome Outcome { get; init; }

    public required string RoomName { get; init; }

    public required string ShortName { get; init; }

    public required DateOnly PlannedDate { get; init; }
}

internal sealed record StatusChange(Guid TaskId, DateTime At, FollowUpStatus From, FollowUpStatus To);

/// <summary>
/// The queries behind the figures of one period (a month for the monthly report; a month, quarter or year for the
/// dashboard), narrowed to a scope, on one short-lived context. Queries that take a start instant read from it up to
/// the end of the period, so that the previous period and the trend come from the same rows.
/// </summary>
internal sealed class PeriodData(BalaiKotaDbContext db, WibPeriod period, FigureScope scope)
{
    /// <summary>How far back a repeat finding is followed: a year of visits to the same room.</summary>
    private const int RepeatLookbackMonths = 12;

    /// <summary>How many readings are taken per room asked for, so that rooms read in several visits still fill the list.</summary>
    private const int RoomsReadManyTimes = 4;

    /// <summary>The visits, answer weights, findings and tasks from <paramref name="fromUtc"/> to the end of the period.</summary>
    public async Task<PeriodFacts> FactsAsync(DateTime fromUtc, CancellationToken ct) =>
        new(await VisitsAsync(fromUtc, ct), await WeightsAsync(fromUtc, ct), await FindingFactsAsync(fromUtc, ct), await TasksAliveAsync(fromUtc, ct));

    private Task<List<VisitFact>> VisitsAsync(DateTime fromUtc, CancellationToken ct) =>
        Visits(fromUtc)
            .Select(v => new VisitFact(v.Id, v.OpdId, v.SubmittedAt!.Value, v.PlannedDate, v.Rooms.Count(ri => scope.BuildingId == null || RoomsInBuilding().Contains(ri.RoomId))))
            .ToListAsync(ct);

    private async Task<List<WeightFact>> WeightsAsync(DateTime fromUtc, CancellationToken ct)
    {
        var sums = await (
                from a in db.Answers
                join ri in db.RoomInspections on a.RoomInspectionId equals ri.Id
                join v in Visits(fromUtc) on ri.VisitId equals v.Id
                join i in db.ChecklistItems on a.ItemId equals i.Id
                where (a.Outcome == AnswerOutcome.Ok || a.Outcome == AnswerOutcome.NotOk) && (scope.BuildingId == null || RoomsInBuilding().Contains(ri.RoomId))
                group new { a.Outcome, i.Weight } by ri.VisitId into g
                select new
                {
                    VisitId = g.Key,
                    Ok = g.Sum(x => x.Outcome == AnswerOutcome.Ok ? x.Weight : 0),
                    NotOk = g.Sum(x => x.Outcome == AnswerOutcome.NotOk ? x.Weight : 0),
                })
            .ToListAsync(ct);
        return sums.Select(s => new WeightFact(s.VisitId, s.Ok, s.NotOk)).ToList();
    }

    private Task<List<FindingFact>> FindingFactsAsync(DateTime fromUtc, CancellationToken ct) => (
            from f in db.Findings
            join v in Visits(fromUtc) on f.VisitId equals v.Id
            where scope.BuildingId == null || RoomsInBuilding().Contains(f.RoomId)
            select new FindingFact(f.Id, f.VisitId, f.Area, f.Severity))
        .ToListAsync(ct);

    /// <summary>Every task that was open at some moment from <paramref name="fromUtc"/> to the end of the period.</summary>
    private async Task<List<TaskFact>> TasksAliveAsync(DateTime fromUtc, CancellationToken ct)
    {
        var end = period.EndUtc;
        var rows = await (
                from t in db.FollowUpTasks
                join f in db.Findings on t.FindingId equals f.Id
                join r in db.Rooms on f.RoomId equals r.Id
                where t.OpenedAt < end && (t.ClosedAt == null || t.ClosedAt >= fromUtc) && (scope.OpdId == null || r.OpdId == scope.OpdId) && (scope.BuildingId == null || r.BuildingId == scope.BuildingId)
                select new { t.Id, t.FindingId, r.OpdId, t.Status, t.OpenedAt, t.ClosedAt, t.DueDate, f.Description, RoomName = r.Name, t.ResponsibleUnitId })
            .ToListAsync(ct);

        // The few OPD and unit names are looked up here rather than by a subquery on each of thousands of rows.
        var opds = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        var units = await db.ResponsibleUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(t => new TaskFact(
                t.Id,
                t.FindingId,
                t.OpdId,
                t.Status,
                t.OpenedAt,
                t.ClosedAt,
                t.DueDate,
                t.Description,
                t.RoomName,
                opds[t.OpdId],
                t.ResponsibleUnitId is { } unit ? units[unit] : null))
            .ToList();
    }

    /// <summary>The status each task had at an instant: its current status for now, else the last change before then.</summary>
    public async Task<Dictionary<Guid, FollowUpStatus>> StatusesAtAsync(List<TaskFact> tasks, DateTime atUtc, DateTime nowUtc, CancellationToken ct)
    {
        if (atUtc >= nowUtc)
        {
            return tasks.ToDictionary(t => t.Id, t => t.Status);
        }

        // Thousands of ids for the whole city hall: sent as one array parameter (a JSON array on SQLite), not as one
        // parameter each, which EF Core does by default and which cost most of the dashboard's time (docs/performance.md).
        var ids = tasks.Select(t => t.Id).ToList();
        var changes = await db.FollowUpTaskEvents.AsNoTracking()
            .Where(e => EF.Parameter(ids).Contains(e.TaskId) && e.At < atUtc)
            .Select(e => new StatusChange(e.TaskId, e.At, e.FromStatus, e.ToStatus))
            .ToListAsync(ct);
        return changes.GroupBy(e => e.TaskId).ToDictionary(g => g.Key, g => LastOf(g.ToList()).To);
    }

    public Task<List<ReadingFact>> ReadingsAsync(string[] codes, CultureInfo culture, CancellationToken ct) =>
        ReadingFactsAsync(ReadingAnswers(codes), culture, ct);

    /// <summary>
    /// The worst reading of each of the <paramref name="rooms"/> worst rooms: the highest values, or the lowest where a
    /// low value is the bad one (lighting). The database sorts and cuts; a room read twice in the period shows once.
    /// </summary>
    public async Task<List<ReadingFact>> WorstReadingsAsync(string[] codes, bool lowIsWorst, int rooms, CultureInfo culture, CancellationToken ct)
    {
        var answers = ReadingAnswers(codes);
        var sorted = lowIsWorst ? answers.OrderBy(a => a.Value) : answers.OrderByDescending(a => a.Value);
        var facts = await ReadingFactsAsync(sorted.Take(rooms * RoomsReadManyTimes), culture, ct);
        return facts.DistinctBy(f => f.RoomId).Take(rooms).ToList();
    }

    public async Task<IReadOnlyList<MonthlyFindingRow>> FindingRowsAsync(CancellationToken ct)
    {
        var rows = await (
                from f in db.Findings
                join v in Visits(period.StartUtc) on f.VisitId equals v.Id
                join r in db.Rooms on f.RoomId equals r.Id
                join o in db.Opds on v.OpdId equals o.Id
                where scope.BuildingId == null || r.BuildingId == scope.BuildingId
                select new MonthlyFindingRow(v.PlannedDate, o.ShortName, r.Name, f.Area, f.Severity, f.Description, f.Status))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.VisitDate).ThenBy(r => r.OpdShortName, StringComparer.Ordinal).ThenBy(r => r.RoomName, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<MonthlyTaskRow>> TaskRowsAsync(List<Guid> taskIds, CancellationToken ct)
    {
        var rows = await (
                from t in db.FollowUpTasks
                where taskIds.Contains(t.Id)
                join f in db.Findings on t.FindingId equals f.Id
                join r in db.Rooms on f.RoomId equals r.Id
                join o in db.Opds on r.OpdId equals o.Id
                select new
                {
                    f.Description,
                    RoomName = r.Name,
                    o.ShortName,
                    Unit = db.ResponsibleUnits.Where(u => u.Id == t.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(),
                    t.Status,
                    t.DueDate,
                    t.OpenedAt,
                    t.ClosedAt,
                })
            .ToListAsync(ct);
        return rows
            .OrderBy(t => t.OpenedAt).ThenBy(t => t.ShortName, StringComparer.Ordinal)
            .Select(t => new MonthlyTaskRow(t.Description, t.RoomName, t.ShortName, t.Unit, t.Status, t.DueDate, WibDay(t.OpenedAt), t.ClosedAt is { } c ? WibDay(c) : null))
            .ToList();
    }

    /// <summary>
    /// A not-OK answer of the period whose room had the same item (by code, across template versions) not OK at the
    /// visit of that room just before; counted back through the room's earlier visits while the streak holds.
    /// </summary>
    public async Task<IReadOnlyList<RepeatFact>> RepeatFindingsAsync(ReportLanguage language, CancellationToken ct)
    {
        var lookback = WibMonth.Of(period.FirstDay.AddMonths(-RepeatLookbackMonths)).StartUtc;
        var notOk = await (
                from a in db.Answers
                join ri in db.RoomInspections on a.RoomInspectionId equals ri.Id
                join v in Visits(lookback) on ri.VisitId equals v.Id
                join i in db.ChecklistItems on a.ItemId equals i.Id
                where a.Outcome == AnswerOutcome.NotOk && (scope.BuildingId == null || RoomsInBuilding().Contains(ri.RoomId))
                select new { ri.RoomId, ri.VisitId, i.Code, Label = language == ReportLanguage.English ? i.LabelEn : i.LabelId })
            .ToListAsync(ct);
        var inspections = await (
                from ri in db.RoomInspections
                join v in Visits(lookback) on ri.VisitId equals v.Id
                select new { ri.RoomId, ri.VisitId, SubmittedAt = v.SubmittedAt!.Value, v.PlannedDate })
            .ToListAsync(ct);
        var byRoom = inspections.GroupBy(i => i.RoomId).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.SubmittedAt).ToList());
        var notOkKeys = notOk.Select(n => (n.RoomId, n.VisitId, n.Code)).ToHashSet();
        var rooms = await RoomNamesAsync(notOk.Select(n => n.RoomId).Distinct().ToList(), ct);

        var rows = new List<RepeatFact>();
        foreach (var answer in notOk.Where(n => byRoom[n.RoomId].Any(i => i.VisitId == n.VisitId && period.Contains(i.SubmittedAt))))
        {
            var history = byRoom[answer.RoomId];
            var start = history.FindIndex(i => i.VisitId == answer.VisitId);
            var streak = history.Skip(start).TakeWhile(i => notOkKeys.Contains((answer.RoomId, i.VisitId, answer.Code))).Count();
            var newerInMonth = history.Take(start).Any(i => period.Contains(i.SubmittedAt) && notOkKeys.Contains((answer.RoomId, i.VisitId, answer.Code)));
            if (streak >= 2 && !newerInMonth)
            {
                var room = rooms[answer.RoomId];
                rows.Add(new RepeatFact(answer.RoomId, new RepeatFindingRow(room.Name, room.OpdShortName, answer.Label, history[start + 1].PlannedDate, history[start].PlannedDate, streak)));
            }
        }

        return rows.OrderByDescending(r => r.Row.ConsecutiveVisits).ThenBy(r => r.Row.OpdShortName, StringComparer.Ordinal).ThenBy(r => r.Row.RoomName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Repairs verified in the period that have both a photo of the finding and an after photo of the repair.</summary>
    public async Task<IReadOnlyList<RepairPhotoPair>> RepairPairsAsync(CancellationToken ct)
    {
        var start = period.StartUtc;
        var end = period.EndUtc;
        var verified = await (
                from t in db.FollowUpTasks
                join f in db.Findings on t.FindingId equals f.Id
                join r in db.Rooms on f.RoomId equals r.Id
                join o in db.Opds on r.OpdId equals o.Id
                where t.Status == FollowUpStatus.Verified && t.ClosedAt >= start && t.ClosedAt < end && (scope.OpdId == null || r.OpdId == scope.OpdId) && (scope.BuildingId == null || r.BuildingId == scope.BuildingId)
                select new { TaskId = t.Id, FindingId = f.Id, f.AnswerId, f.Description, RoomName = r.Name, o.ShortName, ClosedAt = t.ClosedAt!.Value })
            .ToListAsync(ct);
        var taskIds = verified.Select(v => v.TaskId).ToList();
        var findingIds = verified.Select(v => v.FindingId).ToList();
        var answerIds = verified.Where(v => v.AnswerId != null).Select(v => v.AnswerId!.Value).ToList();
        var photos = await db.Photos.AsNoTracking()
            .Where(p => (p.Kind == PhotoKind.After && p.TaskId != null && taskIds.Contains(p.TaskId.Value))
                || (p.Kind == PhotoKind.Finding && ((p.FindingId != null && findingIds.Contains(p.FindingId.Value)) || (p.AnswerId != null && answerIds.Contains(p.AnswerId.Value)))))
            .Select(p => new { p.Kind, p.TaskId, p.FindingId, p.AnswerId, p.UploadedAt, p.Thumbnail, p.Width, p.Height })
            .ToListAsync(ct);

        var pairs = new List<RepairPhotoPair>();
        foreach (var repair in verified.OrderBy(v => v.ClosedAt))
        {
            var before = photos.Where(p => p.Kind == PhotoKind.Finding && (p.FindingId == repair.FindingId || (repair.AnswerId != null && p.AnswerId == repair.AnswerId)))
                .MinBy(p => p.UploadedAt);
            var after = photos.Where(p => p.Kind == PhotoKind.After && p.TaskId == repair.TaskId).MaxBy(p => p.UploadedAt);
            if (before is not null && after is not null)
            {
                pairs.Add(new RepairPhotoPair(
                    repair.Description,
                    repair.RoomName,
                    repair.ShortName,
                    WibDay(repair.ClosedAt),
                    new ReportPhoto(before.Thumbnail, before.Width, before.Height, repair.RoomName),
                    new ReportPhoto(after.Thumbnail, after.Width, after.Height, repair.RoomName)));
            }
        }

        return pairs;
    }

    /// <summary>
    /// The latest change; changes made in the same instant (a draft assigned at once) are put in the order of the
    /// chain they form: the last is the one whose new status no other of them starts from.
    /// </summary>
    private static StatusChange LastOf(List<StatusChange> changes)
    {
        var latest = changes.Max(c => c.At);
        var tied = changes.Where(c => c.At == latest).ToList();
        return tied.FirstOrDefault(c => !tied.Any(other => other != c && other.From == c.To && other.From != other.To)) ?? tied[^1];
    }

    private static DateOnly WibDay(DateTime utc) => DateOnly.FromDateTime(Wib.ToWib(utc));

    private IQueryable<ReadingAnswer> ReadingAnswers(string[] codes) =>
        from a in db.Answers
        join ri in db.RoomInspections on a.RoomInspectionId equals ri.Id
        join v in Visits(period.StartUtc) on ri.VisitId equals v.Id
        join i in db.ChecklistItems on a.ItemId equals i.Id
        join r in db.Rooms on ri.RoomId equals r.Id
        join o in db.Opds on r.OpdId equals o.Id
        where codes.Contains(i.Code) && a.Value != null && (scope.BuildingId == null || r.BuildingId == scope.BuildingId)
        select new ReadingAnswer
        {
            Code = i.Code,
            ItemId = a.ItemId,
            RoomId = r.Id,
            Value = a.Value!.Value,
            Outcome = a.Outcome,
            RoomName = r.Name,
            ShortName = o.ShortName,
            PlannedDate = v.PlannedDate,
        };

    private async Task<List<ReadingFact>> ReadingFactsAsync(IQueryable<ReadingAnswer> query, CultureInfo culture, CancellationToken ct)
    {
        var answers = await query.ToListAsync(ct);
        var itemIds = answers.Select(a => a.ItemId).Distinct().ToList();
        var items = await db.ChecklistItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return answers.Select(a => new ReadingFact(a.Code, a.RoomId, new ReadingRow(
                a.RoomName,
                a.ShortName,
                a.PlannedDate,
                a.Value,
                ReportCulture.Reading(items[a.ItemId], a.Value, culture) ?? string.Empty,
                items[a.ItemId].BandText(culture),
                a.Outcome)))
            .ToList();
    }

    /// <summary>Submitted visits of the scope: of its OPD, and with at least one room inspected in its building.</summary>
    private IQueryable<Visit> Visits(DateTime fromUtc)
    {
        var visits = db.Visits.AsNoTracking().Where(VisitDate.SubmittedBetween(fromUtc, period.EndUtc));
        if (scope.OpdId is { } opd)
        {
            visits = visits.Where(v => v.OpdId == opd);
        }

        return scope.BuildingId is null ? visits : visits.Where(v => v.Rooms.Any(ri => RoomsInBuilding().Contains(ri.RoomId)));
    }

    private IQueryable<Guid> RoomsInBuilding() => db.Rooms.Where(r => r.BuildingId == scope.BuildingId).Select(r => r.Id);

    private async Task<Dictionary<Guid, (string Name, string OpdShortName)>> RoomNamesAsync(List<Guid> roomIds, CancellationToken ct)
    {
        var rooms = await (
                from r in db.Rooms
                where roomIds.Contains(r.Id)
                join o in db.Opds on r.OpdId equals o.Id
                select new { r.Id, r.Name, o.ShortName })
            .ToListAsync(ct);
        return rooms.ToDictionary(r => r.Id, r => (r.Name, r.ShortName));
    }
}

using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Reports;

/// <summary>
/// Gathers "Laporan Bulanan Peninjauan Fasilitas" for a WIB month. The database does the counting over the twelve
/// months of the trend; only the month itself is read row by row (its findings, tasks, readings and repairs).
/// </summary>
public sealed class MonthlyReportService(IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    public const string OpdNotFoundCode = "report.opdNotFound";

    private const int TrendMonths = 12;
    private const int ReadingRows = 10;

    /// <summary>The most overdue tasks listed by name; the key figures count them all.</summary>
    public const int OverdueRows = 100;

    private static readonly string[] TemperatureCodes = ["HEAT-WORK", "HEAT-LOBBY"];
    private const string Co2Code = "VEN-CO2";

    /// <summary>Leadership, the secretariat and administrators; an inspector reads only the reports of their own visits.</summary>
    public static bool MayRead(Actor actor) => VisitAccess.ReadsAll(actor);

    /// <summary>The refusal of a month's report or export for an OPD that does not exist.</summary>
    public static DomainException OpdNotFound() => new(OpdNotFoundCode, "OPD tidak ditemukan.");

    public async Task<MonthlyReportModel> BuildAsync(Actor actor, WibMonth month, Guid? opdId, ReportLanguage language, CancellationToken ct = default)
    {
        if (!MayRead(actor))
        {
            throw VisitAccess.Denied("membaca laporan bulanan");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var opds = await db.Opds.AsNoTracking().Select(o => new OpdName(o.Id, o.Name, o.ShortName)).ToDictionaryAsync(o => o.Id, ct);
        if (opdId is { } id && !opds.ContainsKey(id))
        {
            throw OpdNotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var culture = ReportCulture.Of(language);
        var trend = month.Trailing(TrendMonths);
        var data = new MonthData(db, month, opdId);
        var visits = await data.VisitsAsync(trend[0].StartUtc, ct);
        var weights = await data.WeightsAsync(trend[0].StartUtc, ct);
        var findingFacts = await data.FindingFactsAsync(trend[0].StartUtc, ct);
        var tasks = await data.TasksAliveAsync(month.Previous.StartUtc, ct);
        var current = await FiguresAsync(data, month, visits, weights, findingFacts, tasks, now, ct);
        var previous = await FiguresAsync(data, month.Previous, visits, weights, findingFacts, tasks, now, ct);

        var monthVisits = visits.Where(v => month.Contains(v.SubmittedAt)).ToList();
        var monthVisitIds = monthVisits.Select(v => v.Id).ToHashSet();
        var opdOfVisit = monthVisits.ToDictionary(v => v.Id, v => v.OpdId);
        var monthFindings = findingFacts.Where(f => monthVisitIds.Contains(f.VisitId)).ToList();
        var overdue = current.Overdue;

        var ranking = monthVisits.GroupBy(v => v.OpdId).Select(g =>
            {
                var ids = g.Select(v => v.Id).ToHashSet();
                var w = weights.Where(x => ids.Contains(x.VisitId)).ToList();
                return new
                {
                    Opd = opds[g.Key],
                    Visits = g.Count(),
                    Rooms = g.Sum(v => v.Rooms),
                    Findings = monthFindings.Count(f => ids.Contains(f.VisitId)),
                    Index = ReportFigures.ComfortIndex(w.Sum(x => x.Ok), w.Sum(x => x.NotOk)),
                    Open = current.OpenAtEnd.Count(t => t.OpdId == g.Key),
                    Overdue = overdue.Count(t => t.Task.OpdId == g.Key),
                };
            })
            .OrderBy(r => r.Index ?? double.MaxValue).ThenByDescending(r => r.Findings).ThenBy(r => r.Opd.ShortName, StringComparer.Ordinal)
            .Select((r, i) => new OpdRankingRow(i + 1, r.Opd.Name, r.Opd.ShortName, r.Visits, r.Rooms, r.Findings, r.Index, r.Open, r.Overdue))
            .ToList();

        var readings = await data.ReadingsAsync([.. TemperatureCodes, Co2Code], culture, ct);
        var findingRows = await data.FindingRowsAsync(ct);
        var monthTaskIds = tasks.Where(t => (month.Contains(t.OpenedAt) && ReportFigures.CountsAsOpened(t.Status)) || IsClosedIn(t, month)).Select(t => t.Id).ToList();

        return new MonthlyReportModel(
            language,
            month.Year,
            month.Month,
            opdId is { } chosen ? opds[chosen].Name : null,
            now,
            current.Figures,
            previous.Figures,
            monthFindings.GroupBy(f => f.Area).OrderBy(g => g.Key).Select(g => new AreaCount(g.Key, g.Count())).ToList(),
            monthFindings.GroupBy(f => opdOfVisit[f.VisitId])
                .Select(g => new OpdFindingCount(opds[g.Key].ShortName, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.OpdShortName, StringComparer.Ordinal).ToList(),
            trend.Select(m =>
            {
                var ids = visits.Where(v => m.Contains(v.SubmittedAt)).Select(v => v.Id).ToHashSet();
                var w = weights.Where(x => ids.Contains(x.VisitId)).ToList();
                return new MonthTrendPoint(m.Year, m.Month, findingFacts.Count(f => ids.Contains(f.VisitId)), ReportFigures.ComfortIndex(w.Sum(x => x.Ok), w.Sum(x => x.NotOk)));
            }).ToList(),
            ranking,
            readings.Where(r => TemperatureCodes.Contains(r.Code)).OrderByDescending(r => r.Row.Value).Take(ReadingRows).Select(r => r.Row).ToList(),
            readings.Where(r => r.Code == Co2Code).OrderByDescending(r => r.Row.Value).Take(ReadingRows).Select(r => r.Row).ToList(),
            await data.RepeatFindingsAsync(language, ct),
            overdue.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Task.Id).Take(OverdueRows)
                .Select(o => o.Task.ToOverdueRow(o.DaysOverdue, o.StatusThen)).ToList(),
            await data.RepairPairsAsync(ct),
            findingRows,
            await data.TaskRowsAsync(monthTaskIds, ct));
    }

    private static bool IsClosedIn(TaskFact task, WibMonth month) =>
        ReportFigures.CountsAsClosed(task.Status) && task.ClosedAt is { } closed && month.Contains(closed);

    private static async Task<MonthResult> FiguresAsync(
        MonthData data, WibMonth month, List<VisitFact> visits, List<WeightFact> weights, List<FindingFact> findings, List<TaskFact> tasks, DateTime nowUtc, CancellationToken ct)
    {
        var inMonth = visits.Where(v => month.Contains(v.SubmittedAt)).ToList();
        var ids = inMonth.Select(v => v.Id).ToHashSet();
        var monthFindings = findings.Where(f => ids.Contains(f.VisitId)).ToList();
        var monthWeights = weights.Where(w => ids.Contains(w.VisitId)).ToList();
        var closed = tasks.Where(t => IsClosedIn(t, month)).ToList();
        var (atUtc, atDay) = ReportFigures.JudgedAt(month, nowUtc);
        var openAtEnd = tasks.Where(t => t.Status != FollowUpStatus.Merged && t.OpenedAt < atUtc && (t.ClosedAt is null || t.ClosedAt >= atUtc)).ToList();
        var statusThen = await data.StatusesAtAsync(openAtEnd.Where(t => t.DueDate < atDay).ToList(), atUtc, nowUtc, ct);
        var overdue = openAtEnd
            .Where(t => statusThen.TryGetValue(t.Id, out var s) && ReportFigures.IsOverdueAt(s, t.DueDate, atDay))
            .Select(t => new OverdueFact(t, statusThen[t.Id], ReportFigures.DaysOverdue(t.DueDate!.Value, atDay)))
            .ToList();

        var figures = new MonthlyFigures(
            inMonth.Count,
            inMonth.Select(v => v.OpdId).Distinct().Count(),
            inMonth.Sum(v => v.Rooms),
            monthFindings.Count,
            Enum.GetValues<Severity>().Reverse().Select(s => new SeverityCount(s, monthFindings.Count(f => f.Severity == s))).ToList(),
            tasks.Count(t => month.Contains(t.OpenedAt) && ReportFigures.CountsAsOpened(t.Status)),
            closed.Count,
            overdue.Count,
            ReportFigures.Median(closed.Select(t => ReportFigures.DaysToClose(t.OpenedAt, t.ClosedAt!.Value))),
            ReportFigures.ComfortIndex(monthWeights.Sum(w => w.Ok), monthWeights.Sum(w => w.NotOk)));
        return new MonthResult(figures, openAtEnd, overdue);
    }

    private sealed record OpdName(Guid Id, string Name, string ShortName);

    private sealed record MonthResult(MonthlyFigures Figures, List<TaskFact> OpenAtEnd, List<OverdueFact> Overdue);

    private sealed record OverdueFact(TaskFact Task, FollowUpStatus StatusThen, int DaysOverdue);
}

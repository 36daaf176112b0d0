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
        var period = WibPeriod.Of(month);
        var trend = month.Trailing(TrendMonths);
        var data = new PeriodData(db, period, new FigureScope(opdId, null));
        var facts = await data.FactsAsync(trend[0].StartUtc, ct);
        var current = await PeriodFigures.ComputeAsync(data, period, facts, now, ct);
        var previous = await PeriodFigures.ComputeAsync(data, period.Previous, facts, now, ct);

        var opdOfVisit = facts.VisitsIn(period).ToDictionary(v => v.Id, v => v.OpdId);
        var monthFindings = facts.FindingsIn(period);
        var ranking = PeriodFigures.Standings(period, facts, current, id => opds[id].ShortName)
            .Select((r, i) => new OpdRankingRow(i + 1, opds[r.OpdId].Name, opds[r.OpdId].ShortName, r.Visits, r.Rooms, r.Findings, r.ComfortIndex, r.OpenTasks, r.OverdueTasks))
            .ToList();

        var readings = await data.ReadingsAsync([.. TemperatureCodes, Co2Code], culture, ct);
        var findingRows = await data.FindingRowsAsync(ct);
        var monthTaskIds = facts.Tasks.Where(t => PeriodFigures.IsOpenedIn(t, period) || PeriodFigures.IsClosedIn(t, period)).Select(t => t.Id).ToList();

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
            PeriodFigures.Trend(trend, facts),
            ranking,
            readings.Where(r => TemperatureCodes.Contains(r.Code)).OrderByDescending(r => r.Row.Value).Take(ReadingRows).Select(r => r.Row).ToList(),
            readings.Where(r => r.Code == Co2Code).OrderByDescending(r => r.Row.Value).Take(ReadingRows).Select(r => r.Row).ToList(),
            (await data.RepeatFindingsAsync(language, ct)).Select(r => r.Row).ToList(),
            current.Overdue.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Task.Id).Take(OverdueRows)
                .Select(o => o.Task.ToOverdueRow(o.DaysOverdue, o.StatusThen)).ToList(),
            await data.RepairPairsAsync(ct),
            findingRows,
            await data.TaskRowsAsync(monthTaskIds, ct));
    }

    private sealed record OpdName(Guid Id, string Name, string ShortName);
}

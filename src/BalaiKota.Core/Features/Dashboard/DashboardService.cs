using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Dashboard;

/// <summary>
/// Leadership's dashboard: the figures of a month, quarter or year (WIB), optionally of one OPD or one building,
/// against the period before. Counted by <see cref="PeriodFigures"/>, as the monthly report is.
/// </summary>
public sealed class DashboardService(IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    public const string OpdNotFoundCode = "dashboard.opdNotFound";
    public const string BuildingNotFoundCode = "dashboard.buildingNotFound";

    private const int TrendMonths = 12;

    /// <summary>Rooms listed per kind of reading.</summary>
    public const int HotSpotRooms = 5;

    /// <summary>The item codes read for each kind of hot spot, and whether a low value is the bad one.</summary>
    private static readonly (HotSpotKind Kind, string[] Codes, bool LowIsWorst)[] HotSpotReadings =
    [
        (HotSpotKind.Temperature, ["HEAT-WORK", "HEAT-LOBBY"], false),
        (HotSpotKind.Co2, ["VEN-CO2"], false),
        (HotSpotKind.Noise, ["COM-NOISE-HALL", "COM-NOISE-OFFICE"], false),
        (HotSpotKind.Lighting, ["TOI-LIGHT", "COM-COUNTER-LIGHT"], true),
    ];

    /// <summary>Leadership, the secretariat and administrators: the dashboard reads every OPD's visits.</summary>
    public static bool MayRead(Actor actor) => VisitAccess.ReadsAll(actor);

    public async Task<DashboardOptions> GetOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var opds = await db.Opds.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);

        // Guids are written here, not in SQL: SQLite would give them in capitals, unlike the addresses the page builds.
        return new DashboardOptions(
            opds.Select(o => new Choice(o.Id.ToString(), o.Name)).ToList(),
            buildings.Select(b => new Choice(b.Id.ToString(), b.Name)).ToList());
    }

    public async Task<DashboardModel> BuildAsync(Actor actor, DashboardFilter filter, ReportLanguage language, CancellationToken ct = default)
    {
        Authorize(actor);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var opds = await db.Opds.AsNoTracking().Select(o => new OpdName(o.Id, o.Name, o.ShortName)).ToDictionaryAsync(o => o.Id, ct);
        if (filter.OpdId is { } opdId && !opds.ContainsKey(opdId))
        {
            throw new DomainException(OpdNotFoundCode, "OPD tidak ditemukan.");
        }

        string? buildingName = null;
        if (filter.BuildingId is { } buildingId)
        {
            buildingName = await db.Buildings.AsNoTracking().Where(b => b.Id == buildingId).Select(b => b.Name).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(BuildingNotFoundCode, "Gedung tidak ditemukan.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var culture = ReportCulture.Of(language);
        var period = filter.Period;
        var trend = period.Last.Trailing(TrendMonths);
        var from = trend[0].StartUtc < period.Previous.StartUtc ? trend[0].StartUtc : period.Previous.StartUtc;
        var data = new PeriodData(db, period, new FigureScope(filter.OpdId, filter.BuildingId));
        var facts = await data.FactsAsync(from, ct);
        var current = await PeriodFigures.ComputeAsync(data, period, facts, now, ct);
        var previous = await PeriodFigures.ComputeAsync(data, period.Previous, facts, now, ct);

        var previousIndex = PeriodFigures.Standings(period.Previous, facts, previous, id => opds[id].ShortName)
            .ToDictionary(s => s.OpdId, s => s.ComfortIndex);
        var ranking = PeriodFigures.Standings(period, facts, current, id => opds[id].ShortName)
            .Select((s, i) => new DashboardOpdRow(
                i + 1,
                s.OpdId,
                opds[s.OpdId].Name,
                opds[s.OpdId].ShortName,
                s.Visits,
                s.Findings,
                s.ComfortIndex,
                previousIndex.GetValueOrDefault(s.OpdId),
                s.OpenTasks,
                s.OverdueTasks))
            .ToList();

        var hotSpots = new List<HotSpot>();
        foreach (var (kind, codes, lowIsWorst) in HotSpotReadings)
        {
            var worst = await data.WorstReadingsAsync(codes, lowIsWorst, HotSpotRooms, culture, ct);
            hotSpots.AddRange(worst.Select(r => new HotSpot(kind, r.RoomId, r.Row)));
        }

        var repeats = await data.RepeatFindingsAsync(language, ct);
        return new DashboardModel(
            filter,
            filter.OpdId is { } chosen ? opds[chosen].Name : null,
            buildingName,
            now,
            current.Figures,
            previous.Figures,
            facts.FindingsIn(period).GroupBy(f => f.Area).OrderBy(g => g.Key).Select(g => new AreaCount(g.Key, g.Count())).ToList(),
            PeriodFigures.Trend(trend, facts),
            ranking,
            hotSpots,
            repeats.Select(r => new DashboardRepeat(r.RoomId, r.Row)).ToList());
    }

    private static void Authorize(Actor actor)
    {
        if (!MayRead(actor))
        {
            throw VisitAccess.Denied("membaca dasbor");
        }
    }

    private sealed record OpdName(Guid Id, string Name, string ShortName);
}

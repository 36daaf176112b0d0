using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Features.Reports;

namespace BalaiKota.Core.Features.Dashboard;

/// <summary>What the dashboard shows: a period, and optionally one OPD and one building.</summary>
public sealed record DashboardFilter(WibPeriod Period, Guid? OpdId = null, Guid? BuildingId = null);

/// <summary>The kinds of reading the hot spots list, each with the direction in which a reading is bad.</summary>
public enum HotSpotKind
{
    Temperature,
    Co2,
    Noise,
    Lighting,
}

/// <summary>Where the city hall stands in a period, against the period before, with everything the drill-downs need.</summary>
/// <param name="Trend">Twelve months ending with the period's last month, oldest first.</param>
public sealed record DashboardModel(
    DashboardFilter Filter,
    string? OpdName,
    string? BuildingName,
    DateTime GeneratedAtUtc,
    KeyFigures Current,
    KeyFigures Previous,
    IReadOnlyList<AreaCount> FindingsByArea,
    IReadOnlyList<MonthTrendPoint> Trend,
    IReadOnlyList<DashboardOpdRow> Ranking,
    IReadOnlyList<HotSpot> HotSpots,
    IReadOnlyList<DashboardRepeat> Repeats)
{
    /// <summary>No visit was submitted in the period: its figures are absent, not good news.</summary>
    public bool HasVisits => Current.Visits > 0;
}

/// <param name="Rank">1 is the least comfortable OPD (worst first), as in the monthly report.</param>
/// <param name="PreviousComfortIndex">The OPD's index in the previous period; null if it was not visited then.</param>
public sealed record DashboardOpdRow(
    int Rank, Guid OpdId, string OpdName, string OpdShortName, int Visits, int Findings, double? ComfortIndex, double? PreviousComfortIndex, int OpenTasks, int OverdueTasks)
{
    public ComfortTrend Trend => ReportFigures.TrendOf(ComfortIndex, PreviousComfortIndex);
}

public sealed record HotSpot(HotSpotKind Kind, Guid RoomId, ReadingRow Reading);

public sealed record DashboardRepeat(Guid RoomId, RepeatFindingRow Finding);

/// <summary>The choices of the dashboard's filters.</summary>
public sealed record DashboardOptions(IReadOnlyList<Choice> Opds, IReadOnlyList<Choice> Buildings);

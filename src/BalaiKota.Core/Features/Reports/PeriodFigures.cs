using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Reports;

internal sealed record OverdueFact(TaskFact Task, FollowUpStatus StatusThen, int DaysOverdue);

/// <summary>The key figures of a period with the tasks behind its open and overdue counts.</summary>
internal sealed record PeriodResult(KeyFigures Figures, List<TaskFact> OpenAtEnd, List<OverdueFact> Overdue);

/// <summary>One OPD's line of a period's ranking, before it is numbered.</summary>
internal sealed record OpdStanding(Guid OpdId, int Visits, int Rooms, int Findings, double? ComfortIndex, int OpenTasks, int OverdueTasks);

/// <summary>
/// The figures of a period from the rows <see cref="PeriodData"/> read: the monthly report and the dashboard both
/// count with these, so a figure cannot mean one thing in the PDF and another on the screen.
/// </summary>
internal static class PeriodFigures
{
    public static async Task<PeriodResult> ComputeAsync(PeriodData data, WibPeriod period, PeriodFacts facts, DateTime nowUtc, CancellationToken ct)
    {
        var tasks = facts.Tasks;
        var inPeriod = facts.VisitsIn(period);
        var ids = inPeriod.Select(v => v.Id).ToHashSet();
        var periodFindings = facts.FindingsIn(period);
        var closed = tasks.Where(t => IsClosedIn(t, period)).ToList();
        var (atUtc, atDay) = ReportFigures.JudgedAt(period, nowUtc);
        var openAtEnd = tasks.Where(t => t.Status != FollowUpStatus.Merged && t.OpenedAt < atUtc && (t.ClosedAt is null || t.ClosedAt >= atUtc)).ToList();
        var statusThen = await data.StatusesAtAsync(openAtEnd.Where(t => t.DueDate < atDay).ToList(), atUtc, nowUtc, ct);
        var overdue = openAtEnd
            .Where(t => statusThen.TryGetValue(t.Id, out var s) && ReportFigures.IsOverdueAt(s, t.DueDate, atDay))
            .Select(t => new OverdueFact(t, statusThen[t.Id], ReportFigures.DaysOverdue(t.DueDate!.Value, atDay)))
            .ToList();

        var figures = new KeyFigures(
            inPeriod.Count,
            inPeriod.Select(v => v.OpdId).Distinct().Count(),
            inPeriod.Sum(v => v.Rooms),
            periodFindings.Count,
            Enum.GetValues<Severity>().Reverse().Select(s => new SeverityCount(s, periodFindings.Count(f => f.Severity == s))).ToList(),
            tasks.Count(t => IsOpenedIn(t, period)),
            closed.Count,
            openAtEnd.Count(t => ReportFigures.CountsAsOpened(t.Status)),
            overdue.Count,
            ReportFigures.Median(closed.Select(t => ReportFigures.DaysToClose(t.OpenedAt, t.ClosedAt!.Value))),
            ComfortIndexOf(facts.Weights.Where(w => ids.Contains(w.VisitId))));
        return new PeriodResult(figures, openAtEnd, overdue);
    }

    /// <summary>The OPDs visited in the period, least comfortable first; ties by more findings, then by short name.</summary>
    public static List<OpdStanding> Standings(WibPeriod period, PeriodFacts facts, PeriodResult result, Func<Guid, string> shortName) =>
        facts.VisitsIn(period).GroupBy(v => v.OpdId).Select(g =>
            {
                var ids = g.Select(v => v.Id).ToHashSet();
                return new OpdStanding(
                    g.Key,
                    g.Count(),
                    g.Sum(v => v.Rooms),
                    facts.Findings.Count(f => ids.Contains(f.VisitId)),
                    ComfortIndexOf(facts.Weights.Where(x => ids.Contains(x.VisitId))),
                    result.OpenAtEnd.Count(t => t.OpdId == g.Key && ReportFigures.CountsAsOpened(t.Status)),
                    result.Overdue.Count(t => t.Task.OpdId == g.Key));
            })
            .OrderBy(r => r.ComfortIndex ?? double.MaxValue).ThenByDescending(r => r.Findings).ThenBy(r => shortName(r.OpdId), StringComparer.Ordinal)
            .ToList();

    /// <summary>Per month: the findings and comfort index of the visits submitted in it, the tasks opened and verified in it.</summary>
    public static List<MonthTrendPoint> Trend(IReadOnlyList<WibMonth> months, PeriodFacts facts) =>
        months.Select(m =>
        {
            var month = WibPeriod.Of(m);
            var ids = facts.VisitsIn(month).Select(v => v.Id).ToHashSet();
            return new MonthTrendPoint(
                m.Year,
                m.Month,
                facts.Findings.Count(f => ids.Contains(f.VisitId)),
                ComfortIndexOf(facts.Weights.Where(x => ids.Contains(x.VisitId))),
                facts.Tasks.Count(t => IsOpenedIn(t, month)),
                facts.Tasks.Count(t => IsClosedIn(t, month)));
        }).ToList();

    public static bool IsOpenedIn(TaskFact task, WibPeriod period) => period.Contains(task.OpenedAt) && ReportFigures.CountsAsOpened(task.Status);

    public static bool IsClosedIn(TaskFact task, WibPeriod period) =>
        ReportFigures.CountsAsClosed(task.Status) && task.ClosedAt is { } closed && period.Contains(closed);

    private static double? ComfortIndexOf(IEnumerable<WeightFact> weights)
    {
        var list = weights.ToList();
        return ReportFigures.ComfortIndex(list.Sum(w => w.Ok), list.Sum(w => w.NotOk));
    }
}

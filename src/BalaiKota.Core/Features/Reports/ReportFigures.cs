using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Reports;

/// <summary>
/// The definitions behind every figure of the reports (and of the dashboard), in one place; docs/figures.md says the
/// same in plain words. A visit counts in the WIB month in which it was submitted (VisitDate), and so do its findings.
/// </summary>
public static class ReportFigures
{
    /// <summary>
    /// The share of applicable weighted items that were OK: each answered item counts with its weight, "not applicable"
    /// and "not inspected" answers do not count at all. Null when nothing applicable was answered: no visits is not 100 %.
    /// </summary>
    public static double? ComfortIndex(decimal okWeight, decimal notOkWeight) =>
        okWeight + notOkWeight == 0 ? null : (double)(okWeight / (okWeight + notOkWeight));

    /// <summary>The middle value (mean of the two middle values for an even count); null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Days from the task's draft (the finding's submission) to its verification, in fractional days.</summary>
    public static double DaysToClose(DateTime openedAtUtc, DateTime verifiedAtUtc) => (verifiedAtUtc - openedAtUtc).TotalDays;

    /// <summary>
    /// A task opened in a month is a draft made in it that became a task of its own: merged drafts repeat a task that is
    /// already open and dismissed drafts were never repairs, so neither counts.
    /// </summary>
    public static bool CountsAsOpened(FollowUpStatus status) => status is not (FollowUpStatus.Merged or FollowUpStatus.Dismissed);

    /// <summary>A task is closed in the month in which it was verified.</summary>
    public static bool CountsAsClosed(FollowUpStatus status) => status == FollowUpStatus.Verified;

    /// <summary>
    /// Overdue at the end of a month (or now, for the current month): the status the task had then is one a unit holds
    /// (as on the task list) and its due date is before that day. Judged with the task's current due date.
    /// </summary>
    public static bool IsOverdueAt(FollowUpStatus statusThen, DateOnly? dueDate, DateOnly atWibDay) =>
        FollowUpTask.IsOverdue(statusThen, dueDate, atWibDay);

    /// <summary>Whole days past the due date on the day judged; 0 on the due date itself.</summary>
    public static int DaysOverdue(DateOnly dueDate, DateOnly atWibDay) => Math.Max(0, atWibDay.DayNumber - dueDate.DayNumber);

    /// <summary>
    /// How far a comfort index must move between two periods to count as better or worse: one percentage point, so
    /// that one more OK item in a large OPD does not turn an arrow.
    /// </summary>
    public const double ComfortChangeThreshold = 0.01;

    /// <summary>The direction of a comfort index against the previous period; unknown when either has no index.</summary>
    public static ComfortTrend TrendOf(double? current, double? previous) =>
        current is not { } now || previous is not { } before ? ComfortTrend.Unknown
        : now - before >= ComfortChangeThreshold ? ComfortTrend.Better
        : before - now >= ComfortChangeThreshold ? ComfortTrend.Worse
        : ComfortTrend.Steady;

    /// <summary>The instant a period's open and overdue tasks are judged at: its end, or now while the period is still running.</summary>
    public static (DateTime Utc, DateOnly WibDay) JudgedAt(WibPeriod period, DateTime nowUtc) =>
        nowUtc < period.EndUtc ? (nowUtc, DateOnly.FromDateTime(Wib.ToWib(nowUtc))) : (period.EndUtc, period.EndDay);
}

public enum ComfortTrend
{
    Unknown,
    Better,
    Steady,
    Worse,
}

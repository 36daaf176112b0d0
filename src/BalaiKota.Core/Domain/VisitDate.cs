using System.Linq.Expressions;

namespace BalaiKota.Core.Domain;

/// <summary>
/// The one rule for the month a visit counts in: the WIB month in which it was submitted, and its findings with it
/// (the reports, the exports and the dashboard all use it). The date printed beside a visit is its own day.
/// </summary>
public static class VisitDate
{
    /// <summary>The day shown for a visit: the WIB day it started, or its planned date while it has not started.</summary>
    public static DateOnly Of(DateTime? startedAtUtc, DateOnly plannedDate) =>
        startedAtUtc is { } started ? DateOnly.FromDateTime(Wib.ToWib(started)) : plannedDate;

    /// <summary>Submitted visits of a month, as a query filter.</summary>
    public static Expression<Func<Visit, bool>> In(WibMonth month) => SubmittedBetween(month.StartUtc, month.EndUtc);

    /// <summary>Submitted visits from one instant up to (not including) another, as a query filter.</summary>
    public static Expression<Func<Visit, bool>> SubmittedBetween(DateTime fromUtc, DateTime endUtc) =>
        v => v.Status == VisitStatus.Submitted && v.SubmittedAt >= fromUtc && v.SubmittedAt < endUtc;
}

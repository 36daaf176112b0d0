using System.Linq.Expressions;

namespace BalaiKota.Core.Domain;

/// <summary>
/// The one rule for the date a visit counts on: the WIB day it started, or its planned date while it has not started.
/// Exports and reports group visits, and the findings made in them, into months by this date.
/// </summary>
public static class VisitDate
{
    public static DateOnly Of(DateTime? startedAtUtc, DateOnly plannedDate) =>
        startedAtUtc is { } started ? DateOnly.FromDateTime(Wib.ToWib(started)) : plannedDate;

    /// <summary>The same rule as a query filter: a started visit by its start in UTC, one not started by its planned date.</summary>
    public static Expression<Func<Visit, bool>> In(WibMonth month)
    {
        var start = month.StartUtc;
        var end = month.EndUtc;
        var first = month.FirstDay;
        var next = first.AddMonths(1);
        return v => v.StartedAt != null
            ? v.StartedAt >= start && v.StartedAt < end
            : v.PlannedDate >= first && v.PlannedDate < next;
    }
}

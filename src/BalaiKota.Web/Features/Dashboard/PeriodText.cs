using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BalaiKota.Web.Features.Dashboard;

/// <summary>A period as people say it: "November 2026", "Kuartal 4 2026", "2026".</summary>
public static class PeriodText
{
    public static string Of(WibPeriod period, IStringLocalizer<SharedResource> l) => period.Kind switch
    {
        PeriodKind.Quarter => string.Format(CultureInfo.CurrentCulture, l["Period_Quarter"], ((period.First.Month - 1) / 3) + 1, period.Year),
        PeriodKind.Year => period.Year.ToString(CultureInfo.CurrentCulture),
        _ => period.FirstDay.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
    };

    /// <summary>The periods of a kind one may choose, newest first, ending with the one running today.</summary>
    public static IReadOnlyList<WibPeriod> Choices(PeriodKind kind, DateOnly today)
    {
        var count = kind switch
        {
            PeriodKind.Quarter => 8,
            PeriodKind.Year => 5,
            _ => 24,
        };
        var periods = new List<WibPeriod> { WibPeriod.Containing(kind, today) };
        while (periods.Count < count)
        {
            periods.Add(periods[^1].Previous);
        }

        return periods;
    }
}

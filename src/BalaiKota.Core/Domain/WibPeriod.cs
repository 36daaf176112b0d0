using System.Globalization;
using System.Text.RegularExpressions;

namespace BalaiKota.Core.Domain;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A month, a quarter or a year of WIB calendar months: the period of the dashboard, and of the monthly report as a
/// period of one month. It runs from midnight WIB of its first day up to (not including) midnight WIB after its last.
/// </summary>
public readonly partial record struct WibPeriod
{
    private WibPeriod(PeriodKind kind, WibMonth first)
    {
        Kind = kind;
        First = first;
    }

    public PeriodKind Kind { get; }

    /// <summary>The first month of the period.</summary>
    public WibMonth First { get; }

    public int Year => First.Year;

    /// <summary>The months of the period, oldest first: one, three or twelve.</summary>
    public IReadOnlyList<WibMonth> Months => Last.Trailing(MonthCount);

    public WibMonth Last => WibMonth.Of(First.FirstDay.AddMonths(MonthCount - 1));

    public int MonthCount => Kind switch
    {
        PeriodKind.Quarter => 3,
        PeriodKind.Year => 12,
        _ => 1,
    };

    public DateOnly FirstDay => First.FirstDay;

    /// <summary>The first day after the period.</summary>
    public DateOnly EndDay => Last.EndDay;

    public DateTime StartUtc => First.StartUtc;

    public DateTime EndUtc => Last.EndUtc;

    /// <summary>The period of the same kind just before this one: the previous month, quarter or year.</summary>
    public WibPeriod Previous => new(Kind, WibMonth.Of(FirstDay.AddMonths(-MonthCount)));

    public static WibPeriod Of(WibMonth month) => new(PeriodKind.Month, month);

    public static WibPeriod Quarter(int year, int quarter)
    {
        Guard.That(quarter is >= 1 and <= 4, "period.invalid", "Kuartal harus antara 1 dan 4.");
        return new(PeriodKind.Quarter, new WibMonth(year, (quarter * 3) - 2));
    }

    public static WibPeriod OfYear(int year) => new(PeriodKind.Year, new WibMonth(year, 1));

    /// <summary>The period of a kind that holds a WIB day.</summary>
    public static WibPeriod Containing(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Quarter => Quarter(day.Year, ((day.Month - 1) / 3) + 1),
        PeriodKind.Year => OfYear(day.Year),
        _ => Of(WibMonth.Of(day)),
    };

    /// <summary>Reads a period as the dashboard's address writes it: "2026-11" (month), "2026-Q4" (quarter), "2026" (year).</summary>
    public static bool TryParse(string? text, out WibPeriod period)
    {
        period = default;
        if (WibMonth.TryParse(text, out var month))
        {
            period = Of(month);
            return true;
        }

        var match = text is null ? Match.Empty : QuarterOrYear().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        period = match.Groups["quarter"].Success
            ? Quarter(year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture))
            : OfYear(year);
        return true;
    }

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    public override string ToString() => Kind switch
    {
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{((First.Month - 1) / 3) + 1}"),
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        _ => First.ToString(),
    };

    [GeneratedRegex(@"^(?<year>\d{4})(-Q(?<quarter>[1-4]))?$")]
    private static partial Regex QuarterOrYear();
}

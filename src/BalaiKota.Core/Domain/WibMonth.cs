using System.Globalization;

namespace BalaiKota.Core.Domain;

/// <summary>A calendar month in WIB, the month of reports and exports: it starts at 00.00 WIB on the 1st.</summary>
public readonly record struct WibMonth
{
    public WibMonth(int year, int month)
    {
        Guard.That(year is >= 2000 and <= 2100 && month is >= 1 and <= 12, "month.invalid", "Bulan harus berbentuk tttt-bb, misalnya 2026-11.");
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first day of the next month: the month is [FirstDay, EndDay).</summary>
    public DateOnly EndDay => FirstDay.AddMonths(1);

    /// <summary>The first instant of the month: midnight WIB of its first day.</summary>
    public DateTime StartUtc => Wib.StartOfDayUtc(FirstDay);

    /// <summary>The first instant after the month: midnight WIB of the next month's first day.</summary>
    public DateTime EndUtc => Wib.StartOfDayUtc(EndDay);

    public WibMonth Previous => Of(FirstDay.AddMonths(-1));

    public static WibMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Reads exactly "yyyy-MM", as the report and export addresses write a month.</summary>
    public static bool TryParse(string? text, out WibMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2100)
        {
            return false;
        }

        month = Of(day);
        return true;
    }

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>The months ending with this one, oldest first.</summary>
    public IReadOnlyList<WibMonth> Trailing(int count)
    {
        var last = FirstDay;
        return Enumerable.Range(0, count).Select(i => Of(last.AddMonths(i - count + 1))).ToList();
    }

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

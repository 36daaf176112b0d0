using System.Globalization;

namespace BalaiKota.Core.Domain;

/// <summary>A calendar month in WIB, the month of reports and exports, with the UTC instants it starts and ends at.</summary>
public readonly record struct WibMonth
{
    public WibMonth(int year, int month)
    {
        Guard.That(year is >= 2000 and <= 9998 && month is >= 1 and <= 12, "month.invalid", "Bulan tidak dikenali.");
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first instant of the month: midnight WIB of its first day.</summary>
    public DateTime StartUtc => Wib.StartOfDayUtc(FirstDay);

    /// <summary>The first instant after the month: midnight WIB of the next month's first day.</summary>
    public DateTime EndUtc => Wib.StartOfDayUtc(FirstDay.AddMonths(1));

    /// <summary>Reads exactly "yyyy-MM", as the export addresses write a month.</summary>
    public static bool TryParse(string? text, out WibMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year < 2000 || day.Year > 9998)
        {
            return false;
        }

        month = new WibMonth(day.Year, day.Month);
        return true;
    }

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

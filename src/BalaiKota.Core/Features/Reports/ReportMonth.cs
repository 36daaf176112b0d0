using System.Globalization;
using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Reports;

/// <summary>A WIB calendar month, the period of the monthly report: it starts at 00:00 WIB on the 1st.</summary>
public readonly record struct ReportMonth
{
    public ReportMonth(int year, int month)
    {
        Guard.That(year is >= 2000 and <= 2100 && month is >= 1 and <= 12, "report.month", "Bulan laporan harus berbentuk tttt-bb, misalnya 2026-11.");
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first day of the next month: the month is [FirstDay, EndDay).</summary>
    public DateOnly EndDay => FirstDay.AddMonths(1);

    public DateTime StartUtc => Wib.StartOfDayUtc(FirstDay);

    public DateTime EndUtc => Wib.StartOfDayUtc(EndDay);

    public ReportMonth Previous => Of(FirstDay.AddMonths(-1));

    public static ReportMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The month of an instant as read on a clock in Bandung.</summary>
    public static ReportMonth OfUtc(DateTime utc) => Of(DateOnly.FromDateTime(Wib.ToWib(utc)));

    /// <summary>Reads "2026-11"; anything else is refused with the expected form.</summary>
    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2100)
        {
            return false;
        }

        month = Of(day);
        return true;
    }

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>The months ending with this one, oldest first.</summary>
    public IReadOnlyList<ReportMonth> Trailing(int count)
    {
        var last = FirstDay;
        return Enumerable.Range(0, count).Select(i => Of(last.AddMonths(i - count + 1))).ToList();
    }

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

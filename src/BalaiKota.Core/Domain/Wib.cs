namespace BalaiKota.Core.Domain;

/// <summary>Waktu Indonesia Barat: the time zone in which dates are shown and months are grouped.</summary>
public static class Wib
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public static DateTime ToWib(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToWib(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant at which a WIB calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly wibDate) =>
        TimeZoneInfo.ConvertTimeToUtc(wibDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}

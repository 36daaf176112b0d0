using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class WibPeriodTests
{
    [Theory]
    [InlineData("2026-11", PeriodKind.Month, 2026, 11, 1)]
    [InlineData("2026-Q4", PeriodKind.Quarter, 2026, 10, 3)]
    [InlineData("2026-Q1", PeriodKind.Quarter, 2026, 1, 3)]
    [InlineData("2026", PeriodKind.Year, 2026, 1, 12)]
    public void ReadsTheAddressFormOfEachKindAndWritesItBack(string text, PeriodKind kind, int year, int firstMonth, int months)
    {
        Assert.True(WibPeriod.TryParse(text, out var period));

        Assert.Equal((kind, year, firstMonth, months), (period.Kind, period.Year, period.First.Month, period.Months.Count));
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("26-Q4")]
    [InlineData("1999")]
    [InlineData("2026-q4")]
    [InlineData("bulan lalu")]
    public void RefusesAnythingElse(string? text)
    {
        Assert.False(WibPeriod.TryParse(text, out _));
    }

    [Fact]
    public void AQuarterRunsFromMidnightWibOfItsFirstDayToMidnightAfterItsLast()
    {
        var q4 = WibPeriod.Quarter(2026, 4);

        Assert.Equal(new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc), q4.StartUtc);
        Assert.Equal(new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc), q4.EndUtc);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 1)), (q4.FirstDay, q4.EndDay));
        Assert.Equal([10, 11, 12], q4.Months.Select(m => m.Month));
        Assert.True(q4.Contains(new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc)));
        Assert.False(q4.Contains(new DateTime(2026, 9, 30, 16, 59, 59, DateTimeKind.Utc)));
        Assert.False(q4.Contains(new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ThePreviousPeriodIsOfTheSameKindAcrossTheTurnOfTheYear()
    {
        Assert.Equal(WibPeriod.Quarter(2025, 4), WibPeriod.Quarter(2026, 1).Previous);
        Assert.Equal(WibPeriod.OfYear(2025), WibPeriod.OfYear(2026).Previous);
        Assert.Equal(WibPeriod.Of(new WibMonth(2025, 12)), WibPeriod.Of(new WibMonth(2026, 1)).Previous);
    }

    [Theory]
    [InlineData(PeriodKind.Month, "2026-08")]
    [InlineData(PeriodKind.Quarter, "2026-Q3")]
    [InlineData(PeriodKind.Year, "2026")]
    public void FindsThePeriodOfAKindThatHoldsADay(PeriodKind kind, string expected)
    {
        Assert.Equal(expected, WibPeriod.Containing(kind, new DateOnly(2026, 8, 31)).ToString());
    }

    [Fact]
    public void RefusesAQuarterOutsideOneToFour()
    {
        Assert.Equal("period.invalid", Assert.Throws<DomainException>(() => WibPeriod.Quarter(2026, 5)).Code);
    }
}

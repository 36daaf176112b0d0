using BalaiKota.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Domain;

public class WibWeekTests
{
    [Theory]
    [InlineData("2026-11-16")]
    [InlineData("2026-11-18")]
    [InlineData("2026-11-22")]
    public void StartsOnTheMondayOfAnyDayUpToItsSunday(string day)
    {
        var week = WibWeek.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 23)), (week.FirstDay, week.LastDay, week.EndDay));
    }

    [Fact]
    public void HoldsItsSevenDaysAndNoOther()
    {
        var week = WibWeek.Containing(new DateOnly(2026, 11, 20));

        Assert.False(week.Contains(new DateOnly(2026, 11, 15)));
        Assert.True(week.Contains(new DateOnly(2026, 11, 16)));
        Assert.True(week.Contains(new DateOnly(2026, 11, 22)));
        Assert.False(week.Contains(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void RunsAcrossTheTurnOfTheYear()
    {
        var week = WibWeek.Containing(new DateOnly(2027, 1, 1));

        Assert.Equal((new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)), (week.FirstDay, week.LastDay));
        Assert.Equal(week, WibWeek.Containing(new DateOnly(2026, 12, 28)));
    }

    [Fact]
    public void TheCurrentWeekIsTheWeekOfTodayInJakartaNotInUtc()
    {
        // Sunday 22 November, 17.30 UTC, is Monday 23 November, 00.30 WIB: the next week has begun.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 23), WibWeek.Current(clock).FirstDay);
    }
}

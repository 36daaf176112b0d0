using BalaiKota.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Domain;

public class WibTests
{
    [Fact]
    public void TodayIsTheDateInJakartaNotInUtc()
    {
        var lateEveningUtc = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 18, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), Wib.Today(lateEveningUtc));
    }

    [Fact]
    public void ADayInJakartaStartsAtFiveInTheAfternoonUtcTheDayBefore()
    {
        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), Wib.StartOfDayUtc(new DateOnly(2026, 12, 1)));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0), Wib.ToWib(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc)));
    }
}

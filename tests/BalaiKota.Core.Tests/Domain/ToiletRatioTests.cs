using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class ToiletRatioTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(15, 1)]
    [InlineData(16, 2)]
    [InlineData(30, 2)]
    [InlineData(45, 3)]
    [InlineData(60, 4)]
    [InlineData(61, 5)]
    [InlineData(80, 5)]
    [InlineData(100, 6)]
    [InlineData(101, 7)]
    [InlineData(140, 7)]
    [InlineData(141, 8)]
    public void RequiresClosetsByTheStepsOfPermenaker5Of2018(int workers, int closets)
    {
        Assert.Equal(closets, ToiletRatio.RequiredClosets(workers));
    }

    [Fact]
    public void RefusesANegativeHeadcount()
    {
        Assert.Throws<DomainException>(() => ToiletRatio.RequiredClosets(-1));
    }
}

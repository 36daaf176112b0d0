using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class DefaultChecklistTests
{
    [Fact]
    public void HasEveryCategoryAndEveryItemNamesItsSource()
    {
        var template = DefaultChecklist.Build();

        Assert.Equal(Enum.GetValues<InspectionArea>(), template.Categories.Select(c => c.Area));
        Assert.Equal(40, template.Items.Count());
        Assert.All(template.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.SourceCode)));
        Assert.All(template.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.SourceNote)));
    }

    [Theory]
    [InlineData("HEAT-WORK", 23d, 26d)]
    [InlineData("HEAT-LOBBY", 23d, 28d)]
    [InlineData("HEAT-RH", 40d, 60d)]
    [InlineData("VEN-AIRSPEED", 0.15d, 0.25d)]
    [InlineData("VEN-CO2", null, 1100d)]
    [InlineData("TOI-LIGHT", 100d, null)]
    [InlineData("COM-NOISE-HALL", null, 75d)]
    [InlineData("COM-NOISE-OFFICE", null, 65d)]
    [InlineData("ACC-RAMP-WIDTH", 95d, null)]
    public void CarriesTheBandsOfTheStandards(string code, double? min, double? max)
    {
        var item = DefaultChecklist.Build().Items.Single(i => i.Code == code);

        Assert.Equal((decimal?)min, item.BandMin);
        Assert.Equal((decimal?)max, item.BandMax);
    }

    [Theory]
    [InlineData("HEAT-WORK", 0d, 60d)]
    [InlineData("HEAT-RH", 0d, 100d)]
    [InlineData("VEN-CO2", 250d, 10000d)]
    [InlineData("TOI-LIGHT", 0d, 100000d)]
    [InlineData("COM-NOISE-HALL", 20d, 140d)]
    [InlineData("VEN-AIRSPEED", 0d, 10d)]
    public void CarriesThePlausibilityLimitsOfTheStandards(string code, double min, double max)
    {
        var item = DefaultChecklist.Build().Items.Single(i => i.Code == code);

        Assert.Equal((decimal)min, item.PlausibleMin);
        Assert.Equal((decimal)max, item.PlausibleMax);
    }

    [Fact]
    public void AppliesItemsByRoomType()
    {
        var items = DefaultChecklist.Build().Items.ToList();

        Assert.All(items.Where(i => i.Code.StartsWith("TOI-", StringComparison.Ordinal)), i => Assert.Equal([RoomType.Toilet], i.RoomTypes));
        Assert.Contains(items, i => i.Code == "HEAT-WORK" && i.AppliesTo(RoomType.Office) && !i.AppliesTo(RoomType.CorridorLobby));
        Assert.Contains(items, i => i.Code == "HEAT-LOBBY" && i.AppliesTo(RoomType.CorridorLobby) && !i.AppliesTo(RoomType.Office));
        Assert.Contains(items, i => i.Code == "COM-COUNTER-LIGHT" && i.AppliesTo(RoomType.ServiceHall) && !i.AppliesTo(RoomType.Office));
    }
}

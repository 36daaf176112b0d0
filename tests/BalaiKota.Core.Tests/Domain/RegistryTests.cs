using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class RegistryTests
{
    [Fact]
    public void RefusesAnOpdWithoutANameOrWithANegativeHeadcount()
    {
        Assert.Equal("opd.name", Assert.Throws<DomainException>(() => new Opd(" ", "X", OpdKind.Dinas, 1, 1)).Code);
        Assert.Equal("opd.headcount", Assert.Throws<DomainException>(() => new Opd("Dinas", "D", OpdKind.Dinas, -1, 1)).Code);
    }

    [Fact]
    public void TrimsNamesAndCountsHeadsBySex()
    {
        var opd = new Opd("  Dinas Kesehatan ", "Dinkes", OpdKind.Dinas, 10, 15);

        Assert.Equal("Dinas Kesehatan", opd.Name);
        Assert.Equal(25, opd.Headcount);
    }

    [Theory]
    [InlineData(-6, 10, 5)]
    [InlineData(1, -1, 5)]
    [InlineData(1, 10, -1)]
    public void RefusesARoomWithAnImpossibleFloorAreaOrOccupancy(int floor, int area, int occupancy)
    {
        Assert.Throws<DomainException>(() => new Room(Guid.CreateVersion7(), Guid.CreateVersion7(), "Ruang", floor, RoomType.Office, area, occupancy, false));
    }

    [Fact]
    public void RequiresAnOpdForAnOpdUnit()
    {
        Assert.Equal("unit.opd", Assert.Throws<DomainException>(() => new ResponsibleUnit("Dinkes", ResponsibleUnitKind.Opd)).Code);
    }
}

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
        Assert.Equal((10, 15), (opd.MaleHeadcount, opd.FemaleHeadcount));
    }

    [Theory]
    [InlineData(-6, 10, 5, "room.floor")]
    [InlineData(1, -1, 5, "room.area")]
    [InlineData(1, 10, -1, "room.occupancy")]
    public void RefusesARoomWithAnImpossibleFloorAreaOrOccupancy(int floor, int area, int occupancy, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainException>(() => new Room(Guid.CreateVersion7(), Guid.CreateVersion7(), "Ruang", floor, RoomType.Office, area, occupancy, false)).Code);
    }

    [Fact]
    public void RequiresAnOpdForAnOpdUnit()
    {
        Assert.Equal("unit.opd", Assert.Throws<DomainException>(() => new ResponsibleUnit("Dinkes", ResponsibleUnitKind.Opd)).Code);
    }

    [Theory]
    [InlineData(ToiletUsers.Men, 48)]
    [InlineData(ToiletUsers.Women, 52)]
    [InlineData(ToiletUsers.All, 100)]
    public void JudgesAToiletAgainstTheHeadcountOfThoseItServes(ToiletUsers users, int headcount)
    {
        var opd = new Opd("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdKind.Dinas, 48, 52);
        var toilet = new Room(opd.Id, Guid.CreateVersion7(), "Toilet", 1, RoomType.Toilet, 12, 0, false, users);
        var visit = Visit.Plan(opd, new DateOnly(2026, 11, 20), "peninjau", Samples.PublishedDefault());

        Assert.Equal(headcount, EvaluationContext.For(visit, toilet).Headcount);
    }

    [Fact]
    public void MarksOnlyToiletsForMenOrWomen()
    {
        Assert.Equal("room.toiletFor", Assert.Throws<DomainException>(() => new Room(Guid.CreateVersion7(), Guid.CreateVersion7(), "Ruang", 1, RoomType.Office, 10, 1, false, ToiletUsers.Men)).Code);
        Assert.Equal(ToiletUsers.All, new Room(Guid.CreateVersion7(), Guid.CreateVersion7(), "Toilet", 1, RoomType.Toilet, 10, 0, false).ToiletFor);
    }
}

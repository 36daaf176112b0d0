using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class RegistryUpdateTests
{
    [Fact]
    public void UpdatesAnOpdAndKeepsItWhenAnyValueIsRefused()
    {
        var opd = Samples.Opd();

        opd.Update(" Dinas Kesehatan ", " Dinkes ", OpdKind.Badan, 10, 12);
        Assert.Equal(("Dinas Kesehatan", "Dinkes", OpdKind.Badan, 10, 12), (opd.Name, opd.ShortName, opd.Kind, opd.MaleHeadcount, opd.FemaleHeadcount));

        Assert.Equal("opd.headcount", Assert.Throws<DomainException>(() => opd.Update("Dinas Baru", "Baru", OpdKind.Dinas, -1, 3)).Code);
        Assert.Equal("opd.shortName", Assert.Throws<DomainException>(() => opd.Update("Dinas Baru", new string('x', 31), OpdKind.Dinas, 1, 3)).Code);
        Assert.Equal("opd.kind", Assert.Throws<DomainException>(() => opd.Update("Dinas Baru", "Baru", (OpdKind)99, 1, 3)).Code);
        Assert.Equal(("Dinas Kesehatan", "Dinkes", 10, 12), (opd.Name, opd.ShortName, opd.MaleHeadcount, opd.FemaleHeadcount));
    }

    [Fact]
    public void SwitchesAnOpdABuildingAndARoomOffAndOnAgain()
    {
        var opd = Samples.Opd();
        var building = new Building("Gedung A", 3);
        var room = Samples.Room(opd);

        opd.Deactivate();
        building.Deactivate();
        room.Deactivate();
        Assert.False(opd.IsActive || building.IsActive || room.IsActive);

        opd.Activate();
        building.Activate();
        room.Activate();
        Assert.True(opd.IsActive && building.IsActive && room.IsActive);
    }

    [Fact]
    public void UpdatesABuildingWhoseFloorsAreOneToItsCountAndAnyBasement()
    {
        var building = new Building("Gedung A", 3, "Jl. Wastukencana");

        building.Update(" Gedung B ", 2, " ");

        Assert.Equal(("Gedung B", 2, (string?)null), (building.Name, building.FloorCount, building.Address));
        Assert.True(building.HasFloor(2));
        Assert.True(building.HasFloor(-1));
        Assert.False(building.HasFloor(3));
        Assert.Equal("building.floors", Assert.Throws<DomainException>(() => building.Update("Gedung B", 0, null)).Code);
        Assert.Equal("building.name", Assert.Throws<DomainException>(() => building.Update(" ", 4, null)).Code);
        Assert.Equal(2, building.FloorCount);
    }

    [Fact]
    public void UpdatesARoomAndForgetsWhoAToiletIsForWhenItBecomesAnOffice()
    {
        var opd = Samples.Opd();
        var building = Guid.CreateVersion7();
        var room = new Room(opd.Id, building, "Toilet Pria", 1, RoomType.Toilet, 12, 0, false, ToiletUsers.Men);

        room.Update(opd.Id, building, "Ruang Arsip", 2, RoomType.Office, 20.5m, 3, true, null);

        Assert.Equal(("Ruang Arsip", 2, RoomType.Office, 20.5m, 3, true, (ToiletUsers?)null), (room.Name, room.Floor, room.Type, room.AreaSquareMeters, room.Occupancy, room.IsAirConditioned, room.ToiletFor));
    }

    [Theory]
    [InlineData("", 1, 10, 1, "room.name")]
    [InlineData("Ruang", 101, 10, 1, "room.floor")]
    [InlineData("Ruang", 1, -1, 1, "room.area")]
    [InlineData("Ruang", 1, 10, 10_001, "room.occupancy")]
    public void RefusesAnUpdatedRoomWithTheRulesOfANewOneAndKeepsItAsItWas(string name, int floor, int area, int occupancy, string code)
    {
        var room = Samples.Room(Samples.Opd());

        Assert.Equal(code, Assert.Throws<DomainException>(() => room.Update(room.OpdId, room.BuildingId, name, floor, RoomType.Office, area, occupancy, false, null)).Code);
        Assert.Equal(("Ruang Office", 1, 60m, 20), (room.Name, room.Floor, room.AreaSquareMeters, room.Occupancy));
    }

    [Fact]
    public void RefusesARoomWithoutAnOpdOrBuildingAndAToiletMarkOnAnOffice()
    {
        var room = Samples.Room(Samples.Opd());

        Assert.Equal("room.opd", Assert.Throws<DomainException>(() => room.Update(Guid.Empty, room.BuildingId, "Ruang", 1, RoomType.Office, 1, 1, false, null)).Code);
        Assert.Equal("room.building", Assert.Throws<DomainException>(() => room.Update(room.OpdId, Guid.Empty, "Ruang", 1, RoomType.Office, 1, 1, false, null)).Code);
        Assert.Equal("room.toiletFor", Assert.Throws<DomainException>(() => room.Update(room.OpdId, room.BuildingId, "Ruang", 1, RoomType.Office, 1, 1, false, ToiletUsers.Women)).Code);
    }

    [Fact]
    public void ConfirmsARoomAnInspectorAddedDuringAVisit()
    {
        var opd = Samples.Opd();
        var room = Room.AddedDuringVisit(opd.Id, Guid.CreateVersion7(), "Gudang", 1, RoomType.Other, null);
        Assert.True(room.NeedsConfirmation);

        room.Update(opd.Id, room.BuildingId, "Gudang Arsip", 1, RoomType.Other, 15, 0, false, null);
        room.Confirm();

        Assert.False(room.NeedsConfirmation);
        Assert.Equal(15m, room.AreaSquareMeters);
    }
}

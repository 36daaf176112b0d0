using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>The registry service on a real database with the sample registry, proved on each provider by the subclasses below.</summary>
public abstract class RegistryServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string StaffRoom = "Ruang Kerja Staf Disdukcapil";
    private const string MainBuilding = "Gedung Balai Kota Utama (contoh)";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _admin = Samples.Administrator;
    private WalkThrough _walk = default!;
    private RegistryService _registry = default!;

    public static TheoryData<string> NotAdministrators => [Roles.Inspector, Roles.Secretariat, Roles.Leadership, Roles.RepairUnit];

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        await _walk.AddPeopleAsync();
        _registry = new RegistryService(_walk.Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task DeletesARoomNothingRefersToAndOnlyDeactivatesARoomAVisitInspected()
    {
        var opd = await _walk.OpdAsync("Disdukcapil");
        var building = await BuildingIdAsync(MainBuilding);
        await _walk.SubmitVisitAsync(Samples.Inspector, opd, Wib.Today(_clock), _ => Task.CompletedTask);
        var fresh = await _registry.CreateRoomAsync(_admin, new RoomInput(opd.Id, building, "Gudang Baru", 2, RoomType.Other, 10, 0, false, null));
        var inspected = await _walk.RoomIdAsync(StaffRoom);

        var deleted = await _registry.RemoveRoomAsync(_admin, fresh);
        var kept = await _registry.RemoveRoomAsync(_admin, inspected);

        Assert.Equal(RemoveOutcome.Deleted, deleted.Outcome);
        Assert.Equal(RemoveOutcome.Deactivated, kept.Outcome);
        Assert.Equal(1, kept.References.Inspections);
        await using var db = _walk.Database.CreateDbContext();
        Assert.False(await db.Rooms.AnyAsync(r => r.Id == fresh));
        Assert.False((await db.Rooms.SingleAsync(r => r.Id == inspected)).IsActive);
        Assert.DoesNotContain(await _walk.Visits.ActiveRoomsAsync(Samples.Inspector, opd.Id), r => r.Id == inspected);
    }

    [Fact]
    public async Task KeepsTheOpdFloorAndTypeOfAnInspectedRoomSoItsOldReportsStayTrueButLetsItsNameBeCorrected()
    {
        var opd = await _walk.OpdAsync("Disdukcapil");
        var other = await _walk.OpdAsync("Bappelitbang");
        await _walk.SubmitVisitAsync(Samples.Inspector, opd, Wib.Today(_clock), _ => Task.CompletedTask);
        var id = await _walk.RoomIdAsync(StaffRoom);
        Room room;
        await using (var db = _walk.Database.CreateDbContext())
        {
            room = await db.Rooms.AsNoTracking().SingleAsync(r => r.Id == id);
        }

        RoomInput With(Guid opdId, int floor, RoomType type, string name) =>
            new(opdId, room.BuildingId, name, floor, type, room.AreaSquareMeters, room.Occupancy, room.IsAirConditioned, null);
        var refusals = new[]
        {
            With(other.Id, room.Floor, room.Type, room.Name),
            With(opd.Id, room.Floor == 1 ? 2 : 1, room.Type, room.Name),
            With(opd.Id, room.Floor, RoomType.MeetingRoom, room.Name),
        };
        foreach (var moved in refusals)
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => _registry.UpdateRoomAsync(_admin, id, room.Version, moved));
            Assert.Equal("room.inspectedKeepsPlace", refused.Code);
        }

        await _registry.UpdateRoomAsync(_admin, id, room.Version, With(opd.Id, room.Floor, room.Type, "Ruang Kerja Staf Disdukcapil (Timur)"));

        await using var check = _walk.Database.CreateDbContext();
        var after = await check.Rooms.SingleAsync(r => r.Id == id);
        Assert.Equal((opd.Id, room.Floor, room.Type, "Ruang Kerja Staf Disdukcapil (Timur)"), (after.OpdId, after.Floor, after.Type, after.Name));
    }

    [Fact]
    public async Task DeactivatesAnOpdWithRoomsAndItsRoomsButDeletesANewOneWithout()
    {
        var opd = await _walk.OpdAsync("Bappelitbang");
        var empty = await _registry.CreateOpdAsync(_admin, new OpdInput("Dinas Pariwisata", "Disbudpar", OpdKind.Dinas, 5, 6));

        var kept = await _registry.RemoveOpdAsync(_admin, opd.Id);
        var deleted = await _registry.RemoveOpdAsync(_admin, empty);

        Assert.Equal(RemoveOutcome.Deactivated, kept.Outcome);
        Assert.Equal(5, kept.References.Rooms);
        Assert.Equal(1, kept.References.Units);
        Assert.Equal(5, kept.RoomsDeactivated);
        Assert.Equal(RemoveOutcome.Deleted, deleted.Outcome);
        var opds = await _registry.ListOpdsAsync(_admin);
        Assert.DoesNotContain(opds, o => o.Id == empty);
        var row = opds.Single(o => o.Id == opd.Id);
        Assert.Equal((false, 5, 0), (row.IsActive, row.RoomCount, row.ActiveRoomCount));
        Assert.DoesNotContain((await _walk.Visits.GetPlanningOptionsAsync(Samples.Secretariat)).Opds, o => o.Id == opd.Id.ToString());
    }

    [Fact]
    public async Task DeactivatesABuildingWithRoomsAndRefusesToSwitchItsRoomsBackOnUntilItIsActive()
    {
        var main = await BuildingIdAsync(MainBuilding);
        var empty = await _registry.CreateBuildingAsync(_admin, new BuildingInput("Gedung Parkir", 4, null));

        var kept = await _registry.RemoveBuildingAsync(_admin, main);
        var deleted = await _registry.RemoveBuildingAsync(_admin, empty);

        Assert.Equal(RemoveOutcome.Deactivated, kept.Outcome);
        Assert.Equal(RemoveOutcome.Deleted, deleted.Outcome);
        var room = (await _registry.ListRoomsAsync(_admin, new RoomFilter(BuildingId: main)))[0];
        Assert.False(room.IsActive);
        Assert.Equal("room.buildingInactive", (await Assert.ThrowsAsync<DomainException>(() => _registry.SetRoomActiveAsync(_admin, room.Id, true))).Code);

        await _registry.SetBuildingActiveAsync(_admin, main, true);
        await _registry.SetRoomActiveAsync(_admin, room.Id, true);
        Assert.True((await _registry.ListRoomsAsync(_admin, new RoomFilter(BuildingId: main, IsActive: true))).Single().Id == room.Id);
    }

    [Fact]
    public async Task RefusesATakenShortNameOrBuildingNameAFloorTheBuildingLacksAndATwinRoom()
    {
        var opd = await _walk.OpdAsync("Disdukcapil");
        var main = await BuildingIdAsync(MainBuilding);
        var other = await _registry.CreateOpdAsync(_admin, new OpdInput("Dinas Pariwisata", "Disbudpar", OpdKind.Dinas, 5, 6));
        var annex = await RoomBuildingAsync(StaffRoom);

        Assert.Equal("opd.shortNameTaken", (await Assert.ThrowsAsync<DomainException>(() => _registry.CreateOpdAsync(_admin, new OpdInput("Lain", "disdukCAPIL", OpdKind.Dinas, 1, 1)))).Code);
        Assert.Equal("opd.shortNameTaken", (await Assert.ThrowsAsync<DomainException>(() => _registry.UpdateOpdAsync(_admin, other, 0, new OpdInput("Dinas Pariwisata", "Disdukcapil", OpdKind.Dinas, 5, 6)))).Code);
        Assert.Equal("building.nameTaken", (await Assert.ThrowsAsync<DomainException>(() => _registry.CreateBuildingAsync(_admin, new BuildingInput(MainBuilding.ToUpperInvariant(), 2, null)))).Code);
        Assert.Equal("room.floorNotInBuilding", (await Assert.ThrowsAsync<DomainException>(() => _registry.CreateRoomAsync(_admin, new RoomInput(opd.Id, main, "Atap", 4, RoomType.Other, 0, 0, false, null)))).Code);
        Assert.Equal("room.duplicate", (await Assert.ThrowsAsync<DomainException>(() => _registry.CreateRoomAsync(_admin, new RoomInput(opd.Id, annex, StaffRoom.ToLowerInvariant(), 1, RoomType.Office, 1, 1, false, null)))).Code);
        Assert.Equal("building.floorsInUse", (await Assert.ThrowsAsync<DomainException>(() => _registry.UpdateBuildingAsync(_admin, main, 0, new BuildingInput(MainBuilding, 1, null)))).Code);
        Assert.Equal("Disbudpar", (await _registry.ListOpdsAsync(_admin)).Single(o => o.Id == other).ShortName);
    }

    [Fact]
    public async Task ListsTheRoomsAnInspectorAddedWithTheVisitAndConfirmsThemWithTheirDetails()
    {
        var opd = await _walk.OpdAsync("Disdukcapil");
        Guid added = default;
        var visit = await _walk.SubmitVisitAsync(Samples.Inspector, opd, Wib.Today(_clock), async v =>
            added = await _walk.Inspections.AddNewRoomAsync(Samples.Inspector, v, new NewRoomRequest("Gudang Arsip", 1, RoomType.Other, null)));

        var waiting = Assert.Single(await _registry.RoomsToConfirmAsync(_admin));
        Assert.Equal((added, "Nama peninjau", visit, Wib.Today(_clock)), (waiting.Room.Id, waiting.AddedBy, waiting.VisitId, waiting.VisitDate));
        Assert.Equal(waiting.Room.Id, Assert.Single(await _registry.ListRoomsAsync(_admin, new RoomFilter(NeedsConfirmation: true))).Id);

        var room = waiting.Room;
        await _registry.ConfirmRoomAsync(_admin, added, room.Version, new RoomInput(room.OpdId, room.BuildingId, room.Name, room.Floor, room.Type, 18.5m, 2, true, null));

        Assert.Empty(await _registry.RoomsToConfirmAsync(_admin));
        var confirmed = (await _registry.ListRoomsAsync(_admin, new RoomFilter(OpdId: opd.Id))).Single(r => r.Id == added);
        Assert.Equal((false, 18.5m, 2, true), (confirmed.NeedsConfirmation, confirmed.AreaSquareMeters, confirmed.Occupancy, confirmed.IsAirConditioned));
    }

    [Fact]
    public async Task RefusesASaveFromAFormFilledBeforeAnotherAdministratorsSaveAndKeepsTheirChange()
    {
        var opd = await _walk.OpdAsync("Disdukcapil");
        var row = (await _registry.ListOpdsAsync(_admin)).Single(o => o.Id == opd.Id);
        var theirs = new OpdInput(row.Name, row.ShortName, row.Kind, 20, 22);
        var mine = new OpdInput("Dinas Kependudukan", row.ShortName, row.Kind, row.MaleHeadcount, row.FemaleHeadcount);

        await _registry.UpdateOpdAsync(_admin, opd.Id, row.Version, theirs);
        var refused = await Assert.ThrowsAsync<DomainException>(() => _registry.UpdateOpdAsync(_admin, opd.Id, row.Version, mine));

        Assert.Equal(RegistryRules.ChangedCode, refused.Code);
        var after = (await _registry.ListOpdsAsync(_admin)).Single(o => o.Id == opd.Id);
        Assert.Equal((row.Name, 20, 22, row.Version + 1), (after.Name, after.MaleHeadcount, after.FemaleHeadcount, after.Version));
        await _registry.UpdateOpdAsync(_admin, opd.Id, after.Version, mine with { MaleHeadcount = 20, FemaleHeadcount = 22 });
        Assert.Equal("Dinas Kependudukan", (await _registry.ListOpdsAsync(_admin)).Single(o => o.Id == opd.Id).Name);
    }

    [Fact]
    public async Task RefusesStaleBuildingAndRoomSavesAndARoomChangedWhenItsOpdWasDeactivated()
    {
        var main = await BuildingIdAsync(MainBuilding);
        var building = (await _registry.ListBuildingsAsync(_admin)).Single(b => b.Id == main);
        await _registry.UpdateBuildingAsync(_admin, main, building.Version, new BuildingInput(building.Name, building.FloorCount, "Jl. Wastukencana No. 2"));
        Assert.Equal(
            RegistryRules.ChangedCode,
            (await Assert.ThrowsAsync<DomainException>(() => _registry.UpdateBuildingAsync(_admin, main, building.Version, new BuildingInput(building.Name, building.FloorCount, null)))).Code);

        var opd = await _walk.OpdAsync("Disdukcapil");
        var room = (await _registry.ListRoomsAsync(_admin, new RoomFilter(OpdId: opd.Id)))[0];
        await _registry.SetOpdActiveAsync(_admin, opd.Id, false);
        var input = new RoomInput(room.OpdId, room.BuildingId, room.Name + " (baru)", room.Floor, room.Type, room.AreaSquareMeters, room.Occupancy, room.IsAirConditioned, room.ToiletFor);
        Assert.Equal(RegistryRules.ChangedCode, (await Assert.ThrowsAsync<DomainException>(() => _registry.UpdateRoomAsync(_admin, room.Id, room.Version, input))).Code);

        await using var check = _walk.Database.CreateDbContext();
        Assert.Equal(room.Name, await check.Rooms.Where(r => r.Id == room.Id).Select(r => r.Name).SingleAsync());
        Assert.Equal("Jl. Wastukencana No. 2", await check.Buildings.Where(b => b.Id == main).Select(b => b.Address).SingleAsync());
    }

    [Fact]
    public async Task RefusesASaveThatLosesTheRaceBetweenReadingAndWritingTheRow()
    {
        var opd = await _walk.OpdAsync("Disdukcapil");
        await using var first = _walk.Database.CreateDbContext();
        var loaded = await first.Opds.SingleAsync(o => o.Id == opd.Id);
        var row = (await _registry.ListOpdsAsync(_admin)).Single(o => o.Id == opd.Id);
        await _registry.UpdateOpdAsync(_admin, opd.Id, row.Version, new OpdInput(row.Name, row.ShortName, row.Kind, 30, 31));

        loaded.Update("Dinas Lama", loaded.ShortName, loaded.Kind, loaded.MaleHeadcount, loaded.FemaleHeadcount);
        Assert.Equal(RegistryRules.ChangedCode, (await Assert.ThrowsAsync<DomainException>(() => RegistryRules.SaveAsync(first, default))).Code);

        var after = (await _registry.ListOpdsAsync(_admin)).Single(o => o.Id == opd.Id);
        Assert.Equal((row.Name, 30), (after.Name, after.MaleHeadcount));
    }

    [Fact]
    public async Task ListsBuildingsWithTheirFloorsAndRooms()
    {
        var main = await BuildingIdAsync(MainBuilding);
        var opd = await _walk.OpdAsync("Diskominfo");
        await _registry.CreateRoomAsync(_admin, new RoomInput(opd.Id, main, "Ruang Server", -1, RoomType.Other, 30, 0, true, null));

        var row = (await _registry.ListBuildingsAsync(_admin)).Single(b => b.Id == main);

        Assert.Equal([-1, 1, 2, 3], row.Floors);
        Assert.Equal(await CountAsync(main), row.RoomCount);
        Assert.Equal(["Ruang Server"], (await _registry.ListRoomsAsync(_admin, new RoomFilter(BuildingId: main, Floor: -1))).Select(r => r.Name));
    }

    [Theory]
    [MemberData(nameof(NotAdministrators))]
    public async Task RefusesEveryoneButAnAdministrator(string role)
    {
        var actor = new Actor("orang", new HashSet<string> { role });
        var opd = await _walk.OpdAsync("Disdukcapil");
        var room = await _walk.RoomIdAsync(StaffRoom);
        var main = await BuildingIdAsync(MainBuilding);
        Func<Task>[] calls =
        [
            () => _registry.ListOpdsAsync(actor),
            () => _registry.ListBuildingsAsync(actor),
            () => _registry.ListRoomsAsync(actor, new RoomFilter()),
            () => _registry.RoomsToConfirmAsync(actor),
            () => _registry.CreateOpdAsync(actor, new OpdInput("Dinas X", "X", OpdKind.Dinas, 1, 1)),
            () => _registry.UpdateOpdAsync(actor, opd.Id, 0, new OpdInput("Dinas X", "X", OpdKind.Dinas, 1, 1)),
            () => _registry.SetOpdActiveAsync(actor, opd.Id, false),
            () => _registry.RemoveOpdAsync(actor, opd.Id),
            () => _registry.CreateBuildingAsync(actor, new BuildingInput("Gedung X", 1, null)),
            () => _registry.UpdateBuildingAsync(actor, main, 0, new BuildingInput("Gedung X", 1, null)),
            () => _registry.SetBuildingActiveAsync(actor, main, false),
            () => _registry.RemoveBuildingAsync(actor, main),
            () => _registry.CreateRoomAsync(actor, new RoomInput(opd.Id, main, "Ruang X", 1, RoomType.Office, 1, 1, false, null)),
            () => _registry.UpdateRoomAsync(actor, room, 0, new RoomInput(opd.Id, main, "Ruang X", 1, RoomType.Office, 1, 1, false, null)),
            () => _registry.ConfirmRoomAsync(actor, room, 0, new RoomInput(opd.Id, main, "Ruang X", 1, RoomType.Office, 1, 1, false, null)),
            () => _registry.SetRoomActiveAsync(actor, room, false),
            () => _registry.RemoveRoomAsync(actor, room),
        ];

        foreach (var call in calls)
        {
            Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(call)).Code);
        }

        await using var db = _walk.Database.CreateDbContext();
        Assert.True(await db.Opds.AnyAsync(o => o.Id == opd.Id && o.IsActive && o.ShortName == "Disdukcapil"));
        Assert.True(await db.Rooms.AnyAsync(r => r.Id == room && r.IsActive && r.Name == StaffRoom));
    }

    private async Task<Guid> BuildingIdAsync(string name)
    {
        await using var db = _walk.Database.CreateDbContext();
        return await db.Buildings.Where(b => b.Name == name).Select(b => b.Id).SingleAsync();
    }

    private async Task<Guid> RoomBuildingAsync(string room)
    {
        await using var db = _walk.Database.CreateDbContext();
        return await db.Rooms.Where(r => r.Name == room).Select(r => r.BuildingId).SingleAsync();
    }

    private async Task<int> CountAsync(Guid building)
    {
        await using var db = _walk.Database.CreateDbContext();
        return await db.Rooms.CountAsync(r => r.BuildingId == building);
    }
}

public sealed class SqliteRegistryServiceTests() : RegistryServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresRegistryServiceTests() : RegistryServiceTests(DatabaseProvider.Postgres);

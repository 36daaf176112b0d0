using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>The rooms a label sheet prints, on a real database, proved on each provider by the subclasses below.</summary>
public abstract class RoomLabelServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Uri Public = new("https://balaikota.bandung.go.id/");

    // Thursday 3 December 2026, 09.15 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 2, 15, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private RoomLabelService _labels = default!;
    private Building _main = default!;
    private Building _annex = default!;
    private Building _closed = default!;
    private Opd _disdukcapil = default!;
    private Opd _bappelitbang = default!;
    private Room _closedRoom = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(provider, _clock);
        _labels = new RoomLabelService(_database, _clock);
        _main = new Building("Gedung Utama", 3);
        _annex = new Building("Gedung Annex", 2);
        _closed = new Building("Gedung Lama", 1);
        _closed.Deactivate();
        _disdukcapil = new Opd("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdKind.Dinas, 10, 10);
        _bappelitbang = new Opd("Badan Perencanaan Pembangunan Daerah", "Bappelitbang", OpdKind.Badan, 10, 10);
        _closedRoom = NewRoom(_disdukcapil, _main, "Ruang 3 (ditutup)", 1);
        _closedRoom.Deactivate();
        var onlyClosedFloor = NewRoom(_bappelitbang, _main, "Gudang lantai 3", 3);
        onlyClosedFloor.Deactivate();
        await using var db = _database.CreateDbContext();
        db.AddRange(_main, _annex, _closed, _disdukcapil, _bappelitbang, _closedRoom, onlyClosedFloor);
        db.AddRange(
            NewRoom(_disdukcapil, _main, "Ruang 10", 1),
            NewRoom(_bappelitbang, _main, "ruang arsip", 2),
            NewRoom(_disdukcapil, _main, "Ruang 2", 1),
            NewRoom(_bappelitbang, _main, "Aula", 2),
            NewRoom(_disdukcapil, _main, "Lobi", 1),
            Room.AddedDuringVisit(_disdukcapil.Id, _main.Id, "Ruang Laktasi", 1, RoomType.Office, null),
            NewRoom(_bappelitbang, _annex, "Ruang Pelayanan", 1));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ListsTheActiveRoomsOfTheBuildingByFloorThenNameWithTheirOpdAndAddress()
    {
        var sheet = await _labels.SheetAsync(Samples.Administrator, _main.Id, null, Public, ReportLanguage.Indonesian);

        Assert.Equal("Gedung Utama", sheet.BuildingName);
        Assert.Null(sheet.Floor);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, sheet.PrintedAtUtc);
        Assert.Equal(["Lobi", "Ruang 2", "Ruang 10", "Ruang Laktasi", "Aula", "ruang arsip"], sheet.Labels.Select(l => l.RoomName));
        Assert.Equal([1, 1, 1, 1, 2, 2], sheet.Labels.Select(l => l.Floor));
        Assert.All(sheet.Labels, l => Assert.True(l.IsActive));
        var aula = sheet.Labels.Single(l => l.RoomName == "Aula");
        Assert.Equal(("Badan Perencanaan Pembangunan Daerah", "Bappelitbang", "Gedung Utama", _main.Id), (aula.OpdName, aula.OpdShortName, aula.BuildingName, aula.BuildingId));
        Assert.Equal(new Uri($"https://balaikota.bandung.go.id/rooms/{aula.RoomId}/inspect"), aula.InspectUrl);
    }

    [Fact]
    public async Task NarrowsTheSheetToOneFloor()
    {
        var sheet = await _labels.SheetAsync(Samples.Administrator, _main.Id, 2, Public, ReportLanguage.English);

        Assert.Equal(2, sheet.Floor);
        Assert.Equal(ReportLanguage.English, sheet.Language);
        Assert.Equal(["Aula", "ruang arsip"], sheet.Labels.Select(l => l.RoomName));
    }

    [Fact]
    public async Task RefusesABuildingItDoesNotKnow()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => _labels.SheetAsync(Samples.Administrator, Guid.CreateVersion7(), null, Public, ReportLanguage.Indonesian));

        Assert.Equal(RoomLabelService.BuildingNotFoundCode, refused.Code);
        Assert.StartsWith("Gedung tidak ditemukan.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysSoWhenTheChoiceHasNoActiveRoomInsteadOfPrintingAnEmptySheet()
    {
        var closedFloor = await Assert.ThrowsAsync<DomainException>(() => _labels.SheetAsync(Samples.Administrator, _main.Id, 3, Public, ReportLanguage.Indonesian));
        var emptyBuilding = await Assert.ThrowsAsync<DomainException>(() => _labels.SheetAsync(Samples.Administrator, _closed.Id, null, Public, ReportLanguage.Indonesian));

        Assert.Equal(RoomLabelService.NoRoomsCode, closedFloor.Code);
        Assert.Equal("Lantai 3 Gedung Utama tidak punya ruangan aktif, jadi tidak ada label untuk dicetak.", closedFloor.Message);
        Assert.Equal(RoomLabelService.NoRoomsCode, emptyBuilding.Code);
        Assert.Equal("Gedung Lama tidak punya ruangan aktif, jadi tidak ada label untuk dicetak.", emptyBuilding.Message);
    }

    [Fact]
    public async Task OffersTheActiveBuildingsWithTheFloorsThatHaveActiveRooms()
    {
        var buildings = await _labels.BuildingsAsync(Samples.Administrator);

        Assert.Equal(
            [("Gedung Annex", "1"), ("Gedung Utama", "1,2")],
            buildings.Select(b => (b.Name, string.Join(",", b.Floors))));
        Assert.Equal([_annex.Id, _main.Id], buildings.Select(b => b.Id));
    }

    [Fact]
    public async Task FindsOneRoomsLabelEvenWhenTheRoomIsClosed()
    {
        var label = await _labels.RoomAsync(Samples.Administrator, _closedRoom.Id, new Uri("http://localhost:5000"));

        Assert.Equal(("Ruang 3 (ditutup)", "Disdukcapil", _main.Id, 1, false), (label.RoomName, label.OpdShortName, label.BuildingId, label.Floor, label.IsActive));
        Assert.Equal($"http://localhost:5000/rooms/{_closedRoom.Id}/inspect", label.InspectUrl.AbsoluteUri);
        var unknown = await Assert.ThrowsAsync<DomainException>(() => _labels.RoomAsync(Samples.Administrator, Guid.CreateVersion7(), Public));
        Assert.Equal(RoomLabelService.RoomNotFoundCode, unknown.Code);
    }

    [Fact]
    public async Task RefusesEveryoneButAnAdministrator()
    {
        foreach (var actor in new[] { Samples.Inspector, Samples.Secretariat, Samples.Leadership, Samples.RepairUnit(Guid.CreateVersion7()) })
        {
            var refusals = new[]
            {
                await Assert.ThrowsAsync<DomainException>(() => _labels.BuildingsAsync(actor)),
                await Assert.ThrowsAsync<DomainException>(() => _labels.SheetAsync(actor, _main.Id, null, Public, ReportLanguage.Indonesian)),
                await Assert.ThrowsAsync<DomainException>(() => _labels.RoomAsync(actor, _closedRoom.Id, Public)),
            };
            Assert.All(refusals, refused => Assert.Equal((VisitAccess.DeniedCode, "Anda tidak berhak mencetak label QR ruangan."), (refused.Code, refused.Message)));
        }
    }

    private static Room NewRoom(Opd opd, Building building, string name, int floor) =>
        new(opd.Id, building.Id, name, floor, RoomType.Office, 20, 4, isAirConditioned: false);
}

public sealed class SqliteRoomLabelServiceTests() : RoomLabelServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresRoomLabelServiceTests() : RoomLabelServiceTests(DatabaseProvider.Postgres);

/// <summary>The address inside a room's QR code, whatever form the public address is written in.</summary>
public sealed class RoomLabelServiceInspectUrlTests
{
    private static readonly Guid RoomId = Guid.Parse("0190a1b2-0000-7000-8000-00000000abcd");

    [Theory]
    [InlineData("https://balaikota.bandung.go.id", "https://balaikota.bandung.go.id/rooms/0190a1b2-0000-7000-8000-00000000abcd/inspect")]
    [InlineData("https://balaikota.bandung.go.id/", "https://balaikota.bandung.go.id/rooms/0190a1b2-0000-7000-8000-00000000abcd/inspect")]
    [InlineData("https://pemkot.example/balaikota", "https://pemkot.example/balaikota/rooms/0190a1b2-0000-7000-8000-00000000abcd/inspect")]
    [InlineData("http://10.1.2.3:8080/balaikota/?x=1", "http://10.1.2.3:8080/balaikota/rooms/0190a1b2-0000-7000-8000-00000000abcd/inspect")]
    public void PutsTheRoomsInspectionPageUnderThePublicAddressAndItsPath(string baseUrl, string expected)
    {
        Assert.Equal(expected, RoomLabelService.InspectUrl(new Uri(baseUrl), RoomId).AbsoluteUri);
    }

    [Theory]
    [InlineData("ftp://balaikota.bandung.go.id/")]
    [InlineData("/balaikota/")]
    public void RefusesAnAddressAPhoneCannotOpen(string baseUrl)
    {
        Assert.Throws<ArgumentException>(() => RoomLabelService.InspectUrl(new Uri(baseUrl, UriKind.RelativeOrAbsolute), RoomId));
    }
}

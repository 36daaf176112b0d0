using System.Text;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>The registry's CSV files on a real database with the sample registry, proved on each provider by the subclasses below.</summary>
public abstract class RegistryImportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Annex = "Gedung Pelayanan Terpadu (contoh)";
    private const string RoomHeader = "OPD;Gedung;Lantai;Nama ruangan;Jenis ruangan;Luas (m²);Penghuni;Ber-AC;Toilet untuk;Aktif";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _admin = Samples.Administrator;
    private WalkThrough _walk = default!;
    private RegistryImportService _csv = default!;

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        await _walk.AddPeopleAsync();
        _csv = new RegistryImportService(_walk.Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(RegistryKind.Opds)]
    [InlineData(RegistryKind.Buildings)]
    [InlineData(RegistryKind.Rooms)]
    public async Task ImportingAnExportedFileChangesNothing(RegistryKind kind)
    {
        var opd = await _walk.OpdAsync("Bag. Hukum");
        await new RegistryService(_walk.Database).SetOpdActiveAsync(_admin, opd.Id, false);
        var before = await StateAsync();
        var file = await _csv.ExportAsync(_admin, kind);

        var preview = await _csv.PreviewAsync(_admin, kind, file.Content);
        var imported = await _csv.ImportAsync(_admin, kind, file.Content);

        Assert.Empty(preview.Errors);
        Assert.NotEmpty(preview.Rows);
        Assert.All(preview.Rows, r => Assert.Equal(ImportAction.Unchanged, r.Action));
        Assert.True(imported.Committed);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task WritesNothingWhenOneLineIsBad()
    {
        var before = await StateAsync();
        var file = Utf8(
            RoomHeader,
            $"Disdukcapil;{Annex};1;Ruang Arsip;Ruang kerja;12,5;2;Ya;;Ya",
            $"Disdukcapil;{Annex};1;Ruang Server;Lainnya;8;0;Tidak;;",
            $"Disdukcapil;{Annex};9;Ruang Atap;Lainnya;8;0;Tidak;;");

        var preview = await _csv.PreviewAsync(_admin, RegistryKind.Rooms, file);
        var imported = await _csv.ImportAsync(_admin, RegistryKind.Rooms, file);

        Assert.Equal(2, preview.Count(ImportAction.Add));
        var error = Assert.Single(preview.Errors);
        Assert.Equal((4, "Lantai", "room.floorNotInBuilding"), (error.Line, error.Column, error.Code));
        Assert.False(imported.Committed);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task RefusesToChangeTheTypeOfAnInspectedRoomAndWritesNothing()
    {
        await _walk.SubmitVisitAsync(Samples.Inspector, await _walk.OpdAsync("Disdukcapil"), Wib.Today(_clock), _ => Task.CompletedTask);
        var before = await StateAsync();
        var file = Utf8(
            RoomHeader,
            $"Disdukcapil;{Annex};1;Ruang Arsip;Ruang kerja;12,5;2;Ya;;Ya",
            $"Disdukcapil;{Annex};1;Ruang Rapat Disdukcapil;Ruang kerja;50;20;Ya;;Ya");

        var preview = await _csv.PreviewAsync(_admin, RegistryKind.Rooms, file);
        var imported = await _csv.ImportAsync(_admin, RegistryKind.Rooms, file);

        var error = Assert.Single(preview.Errors);
        Assert.Equal((3, "room.inspectedKeepsPlace"), (error.Line, error.Code));
        Assert.False(imported.Committed);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task ReportsEveryBadCellOfEveryLineWithItsLineAndColumn()
    {
        var file = Utf8(
            RoomHeader,
            $"Disdukcapil;{Annex};1;Ruang Arsip;Ruang kerja;12,5;2;Ya;;Ya",
            $"Dinas Fiktif;{Annex};satu;Ruang A;Dapur;-;2;Mungkin;;",
            $"Disdukcapil;Gedung Fiktif;1;;Toilet;1;-3;Tidak;Anak;Ya",
            $"Disdukcapil;{Annex};1;ruang arsip;Ruang kerja;12,5;2;Ya;;Ya");

        var preview = await _csv.PreviewAsync(_admin, RegistryKind.Rooms, file);

        Assert.Equal(
            [
                (3, "OPD", "import.unknownOpd"), (3, "Lantai", "import.number"), (3, "Jenis ruangan", "import.choice"), (3, "Luas (m²)", "import.decimal"), (3, "Ber-AC", "import.yesNo"),
                (4, "Gedung", "import.unknownBuilding"), (4, "Toilet untuk", "import.choice"),
                (5, "Nama ruangan", "import.duplicateLine"),
            ],
            preview.Errors.Select(e => (e.Line, e.Column, e.Code)).OrderBy(e => e.Line).ThenBy(e => e.Column == null ? -1 : RoomHeader.Split(';').ToList().IndexOf(e.Column)));
        Assert.Equal("Dinas Fiktif", preview.Errors[0].Value);
        Assert.Equal("2", preview.Errors.Single(e => e.Code == "import.duplicateLine").Value);
        Assert.Equal([2], preview.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadsACommaSeparatedFileWithoutAByteOrderMarkWithEnglishHeadersAndDecimalDots()
    {
        var file = Encoding.UTF8.GetBytes(string.Join("\n",
            "Short name,OPD name,Kind,Male staff,Female staff",
            "Disbudpar,\"Dinas Kebudayaan dan Pariwisata, Kota Bandung\",dinas,7,9",
            "Disdukcapil,Dinas Kependudukan dan Pencatatan Sipil,Dinas,50,52"));
        var rooms = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "OPD,Building,Floor,Room name,Room type,Area (m²),Occupancy,Air-conditioned,Toilet for",
            $"Disdukcapil,{Annex},1,Toilet Difabel,Toilet,4.5,0,no,Everyone"));

        var opds = await _csv.ImportAsync(_admin, RegistryKind.Opds, file);
        var added = await _csv.ImportAsync(_admin, RegistryKind.Rooms, rooms);

        Assert.Empty(opds.Errors);
        Assert.Equal([ImportAction.Add, ImportAction.Update], opds.Rows.Select(r => r.Action));
        Assert.True(added.Committed, string.Join("; ", added.Errors.Select(e => e.Code)));
        await using var db = _walk.Database.CreateDbContext();
        var opd = await db.Opds.SingleAsync(o => o.ShortName == "Disbudpar");
        Assert.Equal(("Dinas Kebudayaan dan Pariwisata, Kota Bandung", 7, 9, true), (opd.Name, opd.MaleHeadcount, opd.FemaleHeadcount, opd.IsActive));
        Assert.Equal(50, (await db.Opds.SingleAsync(o => o.ShortName == "Disdukcapil")).MaleHeadcount);
        var toilet = await db.Rooms.SingleAsync(r => r.Name == "Toilet Difabel");
        Assert.Equal((4.5m, ToiletUsers.All, false), (toilet.AreaSquareMeters, toilet.ToiletFor, toilet.IsAirConditioned));
    }

    [Fact]
    public async Task ChecksTheFileAgainWhenItIsWrittenAndWritesNothingIfTheRegistryChangedSince()
    {
        var file = Utf8(RoomHeader, $"Disdukcapil;{Annex};1;Ruang Arsip;Ruang kerja;12,5;2;Ya;;Ya");
        Assert.Empty((await _csv.PreviewAsync(_admin, RegistryKind.Rooms, file)).Errors);
        var opd = await _walk.OpdAsync("Disdukcapil");
        await new RegistryService(_walk.Database).SetOpdActiveAsync(_admin, opd.Id, false);
        var before = await StateAsync();

        var imported = await _csv.ImportAsync(_admin, RegistryKind.Rooms, file);

        Assert.False(imported.Committed);
        Assert.Equal("room.opdInactive", Assert.Single(imported.Errors).Code);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task RefusesAFileWithoutItsColumnsOrRowsAndOneTooLarge()
    {
        var missing = await _csv.PreviewAsync(_admin, RegistryKind.Buildings, Utf8("Nama gedung;Alamat", "Gedung A;Jl. A"));
        var empty = await _csv.PreviewAsync(_admin, RegistryKind.Buildings, Utf8("Nama gedung;Jumlah lantai"));

        Assert.Equal(("import.missingColumn", "Jumlah lantai"), (Assert.Single(missing.Errors).Code, missing.Errors[0].Column));
        Assert.Equal("import.empty", Assert.Single(empty.Errors).Code);
        Assert.Equal("import.tooLarge", (await Assert.ThrowsAsync<DomainException>(() => _csv.PreviewAsync(_admin, RegistryKind.Rooms, new byte[RegistryCsv.MaxBytes + 1]))).Code);
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Secretariat)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.RepairUnit)]
    public async Task RefusesEveryoneButAnAdministrator(string role)
    {
        var actor = new Actor("orang", new HashSet<string> { role });
        var file = Utf8(RoomHeader, $"Disdukcapil;{Annex};1;Ruang Arsip;Ruang kerja;12,5;2;Ya;;Ya");
        var before = await StateAsync();

        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _csv.ExportAsync(actor, RegistryKind.Rooms))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _csv.PreviewAsync(actor, RegistryKind.Rooms, file))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _csv.ImportAsync(actor, RegistryKind.Rooms, file))).Code);
        Assert.Equal(before, await StateAsync());
    }

    /// <summary>UTF-8 with a byte order mark and CRLF lines, as Excel in id-ID saves a CSV.</summary>
    private static byte[] Utf8(params string[] lines) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    /// <summary>Every registry row and the number of audit entries: an import that changes nothing leaves both as they were.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = _walk.Database.CreateDbContext();
        var opds = await db.Opds.AsNoTracking().OrderBy(o => o.Id).Select(o => $"{o.Id}|{o.Name}|{o.ShortName}|{o.Kind}|{o.MaleHeadcount}|{o.FemaleHeadcount}|{o.IsActive}|{o.UpdatedAt}").ToListAsync();
        var buildings = await db.Buildings.AsNoTracking().OrderBy(b => b.Id).Select(b => $"{b.Id}|{b.Name}|{b.FloorCount}|{b.Address}|{b.IsActive}|{b.UpdatedAt}").ToListAsync();
        var rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => $"{r.Id}|{r.OpdId}|{r.BuildingId}|{r.Name}|{r.Floor}|{r.Type}|{r.AreaSquareMeters}|{r.Occupancy}|{r.IsAirConditioned}|{r.ToiletFor}|{r.IsActive}|{r.NeedsConfirmation}|{r.UpdatedAt}").ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        return string.Join("\n", [.. opds, .. buildings, .. rooms, $"audit {audit}"]);
    }
}

public sealed class SqliteRegistryImportServiceTests() : RegistryImportServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresRegistryImportServiceTests() : RegistryImportServiceTests(DatabaseProvider.Postgres);

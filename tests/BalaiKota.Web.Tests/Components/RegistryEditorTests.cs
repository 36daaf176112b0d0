using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Admin.Registry;
using BalaiKota.Web.Localization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The registry's editors on the sample registry: the room form and the CSV import's preview.</summary>
public sealed class RegistryEditorTests : ShellContext, IAsyncLifetime
{
    private const string Annex = "Gedung Pelayanan Terpadu (contoh)";
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = _database.CreateDbContext();
        await SampleRegistry.EnsureAsync(db);
        TestUsers.Add(db, Roles.Administrator, "admin");
        await db.SaveChangesAsync();
        Services.AddSingleton(new RegistryService(_database));
        Services.AddSingleton(new RegistryImportService(_database));
        Services.AddSingleton(new RoomLabelService(_database, TimeProvider.System));
        Services.AddSingleton(new RoomLabelAddress(Options.Create(new LabelOptions())));
        Services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("admin@balaikota.test");
        authorization.SetRoles(Roles.Administrator);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin"));
    }

    public new async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task SaysWhatIsMissingWhenARoomIsSavedWithoutANameAndSavesNothing()
    {
        var page = RenderRooms();
        var before = await RoomCountAsync();

        OpenNewRoomForm(page);
        page.Find("button[data-testid=room-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Nama ruangan wajib diisi", page.Find("[data-testid=room-form-error]").TextContent, StringComparison.Ordinal), Loading);
        Assert.Equal(before, await RoomCountAsync());
    }

    [Fact]
    public async Task AddsARoomAndShowsItInTheListUnderItsOpdAndBuilding()
    {
        var page = RenderRooms();
        await using var db = _database.CreateDbContext();
        var opd = await db.Opds.Where(o => o.ShortName == "Disdukcapil").Select(o => o.Id).SingleAsync();
        var building = await db.Buildings.Where(b => b.Name == Annex).Select(b => b.Id).SingleAsync();

        OpenNewRoomForm(page);
        var form = page.FindComponent<RoomForm>();
        form.Find("input[data-testid=room-name]").Change("Ruang Arsip Baru");
        var selects = form.FindComponents<MudSelect<Guid>>();
        await form.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(opd));
        await form.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(building));
        page.Find("button[data-testid=room-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=room-row-name]"), c => c.TextContent.Contains("Ruang Arsip Baru", StringComparison.Ordinal)), Loading);
        Assert.Empty(page.FindAll("[data-testid=room-form]"));
        Assert.True(await db.Rooms.AnyAsync(r => r.Name == "Ruang Arsip Baru" && r.OpdId == opd && r.BuildingId == building && r.Floor == 1));
    }

    [Theory]
    [InlineData("Ruang Kepala Diskominfo", "30 m² · 2 orang", "Ber-AC")]
    [InlineData("Toilet Pria Diskominfo", "12 m² · 0 orang", "Tanpa AC")]
    public void ShowsEachRoomsFloorSizeOccupantsAndAirConditioningInWords(string room, string size, string cooling)
    {
        var page = RenderRooms();

        var row = page.FindAll("tr").Single(tr => tr.QuerySelector("[data-testid=room-row-name]")?.TextContent.Trim() == room);
        Assert.Equal("Lantai 2", row.QuerySelector("[data-testid=room-row-floor]")!.TextContent.Trim());
        var sizeCell = row.QuerySelector("[data-testid=room-row-size]")!.TextContent;
        Assert.Contains(size, sizeCell, StringComparison.Ordinal);
        Assert.Contains(cooling, sizeCell, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsFiftyRoomsAPageAndSaysHowManyThereAreInAll()
    {
        Render<MudPopoverProvider>();
        var table = Render<RoomTable>(p => p.Add(t => t.Rooms, NumberedRooms(120)));

        Assert.Equal(50, table.FindAll("[data-testid=room-row-name]").Count);
        Assert.Contains("1–50 dari 120", table.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
        table.Find("button[aria-label='Halaman berikutnya']").Click();
        Assert.Equal("Ruang 051", table.FindAll("[data-testid=room-row-name]")[0].TextContent.Trim());
    }

    [Fact]
    public async Task ANewChoiceOfFilterShowsItsListFromTheFirstPageWhateverPageWasOpen()
    {
        var (disdukcapil, _) = await AddSeventyArchiveRoomsAsync();
        var page = RenderRoomsOnTheLastOfThreePages();

        await page.ChooseAsync<Guid?>("filter-opd", disdukcapil);

        // Without going back, the table would keep the last page of the shorter list: 51–78.
        page.WaitForAssertion(() => Assert.Contains("1–50 dari 78", Pager(page), StringComparison.Ordinal), Loading);
    }

    [Fact]
    public async Task ASavedRoomsListIsShownFromTheFirstPageWhateverPageWasOpen()
    {
        var (disdukcapil, annex) = await AddSeventyArchiveRoomsAsync();
        var page = RenderRoomsOnTheLastOfThreePages();

        OpenNewRoomForm(page);
        var form = page.FindComponent<RoomForm>();
        form.Find("input[data-testid=room-name]").Change("Ruang Arsip Baru");
        var selects = form.FindComponents<MudSelect<Guid>>();
        await form.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(disdukcapil));
        await form.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(annex));
        page.Find("button[data-testid=room-save]").Click();

        // The filters move to the saved room's OPD, building and floor: more than one page, shown from the first.
        page.WaitForAssertion(() => Assert.Matches(@"\b1–50 dari \d+", Pager(page)), Loading);
    }

    [Fact]
    public async Task RefusesToSaveOverAnotherAdministratorsChangeToTheSameRoomAndSaysWhy()
    {
        var page = RenderRooms();
        var name = page.FindAll("[data-testid=room-row-name]")[0].TextContent.Trim();
        page.FindAll("button[data-testid=room-edit]")[0].Click();
        page.Find("input[data-testid=room-occupancy]").Change("9");

        var registry = Services.GetRequiredService<RegistryService>();
        var admin = new Actor("admin", new HashSet<string> { Roles.Administrator });
        var theirs = (await registry.ListRoomsAsync(admin, new RoomFilter())).Single(r => r.Name == name);
        await registry.UpdateRoomAsync(admin, theirs.Id, theirs.Version, new RoomInput(theirs.OpdId, theirs.BuildingId, theirs.Name, theirs.Floor, theirs.Type, theirs.AreaSquareMeters, 31, theirs.IsAirConditioned, theirs.ToiletFor));
        page.Find("button[data-testid=room-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("baru saja diubah oleh administrator lain", page.Find("[data-testid=room-form-error]").TextContent, StringComparison.Ordinal), Loading);
        await using var db = _database.CreateDbContext();
        Assert.Equal(31, await db.Rooms.Where(r => r.Id == theirs.Id).Select(r => r.Occupancy).SingleAsync());
    }

    [Fact]
    public async Task ConfirmsARoomAddedDuringAVisitWithTheDetailsTheAdministratorFillsIn()
    {
        await using var db = _database.CreateDbContext();
        var opd = await db.Opds.SingleAsync(o => o.ShortName == "Disdukcapil");
        var building = await db.Buildings.Where(b => b.Name == Annex).Select(b => b.Id).SingleAsync();
        db.Rooms.Add(Room.AddedDuringVisit(opd.Id, building, "Gudang Arsip", 1, RoomType.Other, null));
        await db.SaveChangesAsync();
        var page = RenderRooms();

        Assert.Contains("Gudang Arsip", page.Find("[data-testid=confirm-row]").TextContent, StringComparison.Ordinal);
        page.Find("button[data-testid=confirm-room]").Click();
        page.Find("input[data-testid=room-area]").Change("14");
        page.Find("button[data-testid=room-save]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=rooms-to-confirm]")), Loading);
        var room = await db.Rooms.AsNoTracking().SingleAsync(r => r.Name == "Gudang Arsip");
        Assert.Equal((false, 14m), (room.NeedsConfirmation, room.AreaSquareMeters));
    }

    [Fact]
    public async Task ListsEveryBadLineOfAnUploadAndKeepsImportDisabled()
    {
        var panel = Render<RegistryCsvPanel>(p => p.Add(c => c.Kind, RegistryKind.Rooms));
        var before = await RoomCountAsync();

        Upload(panel, "OPD;Gedung;Lantai;Nama ruangan;Jenis ruangan\r\n" +
            $"Disdukcapil;{Annex};1;Ruang Arsip;Ruang kerja\r\n" +
            $"Dinas Fiktif;{Annex};1;Ruang A;Ruang kerja\r\n" +
            $"Disdukcapil;{Annex};satu;Ruang B;Dapur\r\n");

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=import-error-row]").Count), Loading);
        Assert.Contains("belum terdaftar", panel.FindAll("[data-testid=import-error-row]")[0].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("3", panel.FindAll("[data-testid=import-error-row]")[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.True(panel.Find("button[data-testid=import-rooms]").HasAttribute("disabled"));
        Assert.Equal(before, await RoomCountAsync());
    }

    [Fact]
    public async Task ImportsAGoodFileOnlyWhenAskedAndSaysWhatItDid()
    {
        var panel = Render<RegistryCsvPanel>(p => p.Add(c => c.Kind, RegistryKind.Rooms));
        var before = await RoomCountAsync();

        Upload(panel, "OPD;Gedung;Lantai;Nama ruangan;Jenis ruangan\r\n" + $"Disdukcapil;{Annex};1;Ruang Arsip;Ruang kerja\r\n");

        panel.WaitForAssertion(() => Assert.False(panel.Find("button[data-testid=import-rooms]").HasAttribute("disabled")), Loading);
        Assert.Equal(before, await RoomCountAsync());
        panel.Find("button[data-testid=import-rooms]").Click();
        panel.WaitForAssertion(() => Assert.Contains("diimpor: 1 ditambah", panel.Find("[data-testid=import-summary]").TextContent, StringComparison.Ordinal), Loading);
        Assert.Equal(before + 1, await RoomCountAsync());
        Assert.Equal("/admin/registry/rooms.csv", panel.Find("a[data-testid=export-rooms]").GetAttribute("href"));
    }

    private static void Upload(IRenderedComponent<RegistryCsvPanel> panel, string text) =>
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, "ruangan.csv", contentType: "text/csv"));

    private IRenderedComponent<RoomsPage> RenderRooms()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/rooms");
        Render<MudPopoverProvider>();
        var page = Render<RoomsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=room-row-name]")), Loading);
        return page;
    }

    /// <summary>Waits for the form to show, as the page renders it after the click has been handled.</summary>
    private static void OpenNewRoomForm(IRenderedComponent<RoomsPage> page)
    {
        page.Find("button[data-testid=room-add]").Click();
        page.WaitForElement("[data-testid=room-form] button[data-testid=room-save]", Loading);
    }

    /// <summary>Seventy more rooms of Disdukcapil on the annex's first floor: 109 rooms in all, three pages of fifty.</summary>
    private async Task<(Guid Opd, Guid Building)> AddSeventyArchiveRoomsAsync()
    {
        await using var db = _database.CreateDbContext();
        var opd = await db.Opds.Where(o => o.ShortName == "Disdukcapil").Select(o => o.Id).SingleAsync();
        var building = await db.Buildings.Where(b => b.Name == Annex).Select(b => b.Id).SingleAsync();
        db.Rooms.AddRange(Enumerable.Range(1, 70).Select(n => new Room(opd, building, $"Ruang Arsip {n:00}", 1, RoomType.Office, 20, 2, false)));
        await db.SaveChangesAsync();
        return (opd, building);
    }

    private IRenderedComponent<RoomsPage> RenderRoomsOnTheLastOfThreePages()
    {
        var page = RenderRooms();
        page.Find("button[aria-label='Halaman terakhir']").Click();
        page.WaitForAssertion(() => Assert.Contains("101–109 dari 109", Pager(page), StringComparison.Ordinal), Loading);
        return page;
    }

    private static string Pager(IRenderedComponent<RoomsPage> page) => page.Find(".mud-table-pagination").TextContent;

    private static List<RoomRow> NumberedRooms(int count) =>
        [.. Enumerable.Range(1, count).Select(n => new RoomRow(Guid.NewGuid(), Guid.NewGuid(), "DUJI", "Dinas Uji", Guid.NewGuid(), Annex, $"Ruang {n:000}", 1, RoomType.Office, 20, 4, true, null, true, false, 0))];

    private async Task<int> RoomCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Rooms.CountAsync();
    }
}

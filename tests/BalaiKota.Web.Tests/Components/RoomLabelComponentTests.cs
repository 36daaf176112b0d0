using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Admin.Registry;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The label components on the sample registry: its main building has rooms on floors 2 and 3, the service building on floor 1.</summary>
public abstract class RoomLabelContext : ShellContext, IAsyncLifetime
{
    protected const string MainBuilding = "Gedung Balai Kota Utama (contoh)";
    protected static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);

    protected TestDatabase Database { get; private set; } = default!;

    protected string? PublicBaseUrl { get; set; }

    protected virtual bool WithRegistry => true;

    public async ValueTask InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 2, 15, 0, TimeSpan.Zero));
        Database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, clock);
        if (WithRegistry)
        {
            await using var db = Database.CreateDbContext();
            await SampleRegistry.EnsureAsync(db);
        }

        Services.AddSingleton(new RoomLabelService(Database, clock));
        Services.AddSingleton(_ => new RoomLabelAddress(Options.Create(new LabelOptions { PublicBaseUrl = PublicBaseUrl })));
    }

    public new async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected void SignIn(string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("admin@balaikota.test");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin"));
    }

    protected async Task<(Guid Id, Guid BuildingId)> RoomAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Rooms.Where(r => r.Name == name).Select(r => ValueTuple.Create(r.Id, r.BuildingId)).SingleAsync();
    }
}

/// <summary>Choosing a building and a floor builds the address of their label sheet.</summary>
public sealed class RoomLabelsPanelTests : RoomLabelContext
{
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    [Fact]
    public async Task BuildsTheSheetAddressFromTheChosenBuildingAndFloor()
    {
        var (_, mainId) = await RoomAsync("Ruang Rapat Diskominfo");
        var panel = Open(Roles.Administrator);
        Assert.Null(panel.Find("[data-testid=labels-print]").GetAttribute("href"));

        Choose(panel, "labels-building", MainBuilding);
        Assert.Equal($"/admin/rooms/labels.pdf?buildingId={mainId}", panel.Find("a[data-testid=labels-print]").GetAttribute("href"));
        Assert.Equal("_blank", panel.Find("a[data-testid=labels-print]").GetAttribute("target"));

        panel.Find("input[data-testid=labels-floor]").Closest(".mud-input-control")!.MouseDown();
        Assert.Equal(["Lantai 2", "Lantai 3"], _popovers.WaitForElements(".mud-popover-open .mud-list-item", Loading).Select(i => i.TextContent.Trim()));
        _popovers.Find(".mud-popover-open .mud-list-item").Click();
        Assert.Equal($"/admin/rooms/labels.pdf?buildingId={mainId}&floor=2", panel.Find("a[data-testid=labels-print]").GetAttribute("href"));

        Choose(panel, "labels-building", "Gedung Pelayanan Terpadu (contoh)");
        Assert.DoesNotContain("floor=", panel.Find("a[data-testid=labels-print]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsksForAnEnglishSheetWhenTheAppIsInEnglish()
    {
        UseCulture("en-GB");
        var (_, mainId) = await RoomAsync("Ruang Rapat Diskominfo");
        var panel = Open(Roles.Administrator);

        Choose(panel, "labels-building", MainBuilding);
        Choose(panel, "labels-floor", "Floor 3");

        Assert.Equal($"/admin/rooms/labels.pdf?buildingId={mainId}&floor=3&lang=en", panel.Find("a[data-testid=labels-print]").GetAttribute("href"));
        Assert.Equal("Print QR labels", panel.Find("[data-testid=labels-print]").TextContent.Trim());
    }

    [Fact]
    public void ShowsTheRefusalToSomeoneWhoIsNotAnAdministrator()
    {
        var panel = Open(Roles.Secretariat);

        Assert.Equal("Anda tidak berhak mencetak label QR ruangan.", panel.WaitForElement("[data-testid=labels-error]", Loading).TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=labels-print]"));
    }

    private IRenderedComponent<RoomLabelsPanel> Open(string role)
    {
        SignIn(role);
        _popovers = Render<MudPopoverProvider>();
        var panel = Render<RoomLabelsPanel>();
        if (role == Roles.Administrator)
        {
            panel.WaitForElement("[data-testid=labels-building]", Loading);
        }

        return panel;
    }

    /// <summary>Opens a select as a finger does and picks the option with this text from the popover.</summary>
    private void Choose(IRenderedComponent<RoomLabelsPanel> panel, string testId, string option)
    {
        panel.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        _popovers.WaitForElements(".mud-popover-open .mud-list-item", Loading).Single(i => i.TextContent.Trim() == option).Click();
    }
}

/// <summary>A panel with no building to label says so instead of offering empty choices.</summary>
public sealed class RoomLabelsPanelWithoutRoomsTests : RoomLabelContext
{
    protected override bool WithRegistry => false;

    [Fact]
    public void SaysThereIsNothingToPrintYet()
    {
        SignIn(Roles.Administrator);

        var panel = Render<RoomLabelsPanel>();

        Assert.Contains("Belum ada gedung dengan ruangan aktif", panel.WaitForElement("[data-testid=labels-none]", Loading).TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=labels-print]"));
    }
}

/// <summary>One room's QR code in a dialog, with the address it carries and the sheet of its floor.</summary>
public sealed class RoomQrButtonTests : RoomLabelContext
{
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    [Fact]
    public async Task ShowsTheRoomsCodeItsAddressAndALinkToTheSheetOfItsFloor()
    {
        var (roomId, mainId) = await RoomAsync("Ruang Rapat Diskominfo");
        var button = Open(roomId, "Ruang Rapat Diskominfo");
        Assert.Equal("Kode QR Ruang Rapat Diskominfo", button.Find("[data-testid=room-qr-button]").GetAttribute("aria-label"));

        button.Find("[data-testid=room-qr-button]").Click();

        var image = _dialogs.WaitForElement("img[data-testid=room-qr-image]", Loading);
        Assert.Equal($"/admin/rooms/{roomId}/qr.svg", image.GetAttribute("src"));
        Assert.Equal("Kode QR menuju halaman pemeriksaan Ruang Rapat Diskominfo", image.GetAttribute("alt"));
        Assert.Equal($"http://localhost/rooms/{roomId}/inspect", _dialogs.Find("[data-testid=room-qr-url]").TextContent.Trim());
        var print = _dialogs.Find("a[data-testid=room-qr-print]");
        Assert.Equal($"/admin/rooms/labels.pdf?buildingId={mainId}&floor=2", print.GetAttribute("href"));
        Assert.Equal($"Cetak label lantai 2, {MainBuilding}", print.TextContent.Trim());

        _dialogs.Find("[data-testid=room-qr-close]").Click();
        Assert.Empty(_dialogs.FindAll("img[data-testid=room-qr-image]"));
    }

    [Fact]
    public async Task PutsTheConfiguredPublicAddressInTheCode()
    {
        PublicBaseUrl = "https://balaikota.example.go.id/pemkot";
        var (roomId, _) = await RoomAsync("Ruang Kepala Disdukcapil");

        Open(roomId, null).Find("[data-testid=room-qr-button]").Click();

        Assert.Equal($"https://balaikota.example.go.id/pemkot/rooms/{roomId}/inspect", _dialogs.WaitForElement("[data-testid=room-qr-url]", Loading).TextContent.Trim());
    }

    [Fact]
    public async Task SaysThatAnInactiveRoomIsNotPrintedOnASheet()
    {
        var (roomId, _) = await RoomAsync("Toilet Pria BKPSDM");
        await using (var db = Database.CreateDbContext())
        {
            (await db.Rooms.SingleAsync(r => r.Id == roomId)).Deactivate();
            await db.SaveChangesAsync();
        }

        Open(roomId, "Toilet Pria BKPSDM").Find("[data-testid=room-qr-button]").Click();

        Assert.Contains("nonaktif", _dialogs.WaitForElement("[data-testid=room-qr-inactive]", Loading).TextContent, StringComparison.Ordinal);
        Assert.Empty(_dialogs.FindAll("[data-testid=room-qr-print]"));
    }

    [Fact]
    public void SaysSoWhenTheRoomIsNotKnown()
    {
        Open(Guid.CreateVersion7(), "Ruang hilang").Find("[data-testid=room-qr-button]").Click();

        Assert.Equal("Ruangan tidak ditemukan.", _dialogs.WaitForElement("[data-testid=room-qr-error]", Loading).TextContent.Trim());
        Assert.Empty(_dialogs.FindAll("img[data-testid=room-qr-image]"));
    }

    private IRenderedComponent<RoomQrButton> Open(Guid roomId, string? name)
    {
        SignIn(Roles.Administrator);
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<RoomQrButton>(p => p.Add(b => b.RoomId, roomId).Add(b => b.RoomName, name));
    }
}

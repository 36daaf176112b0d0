using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Reporting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The label sheet and a room's QR code over HTTP on the demo data, per role: administrators get the PDF and the SVG,
/// every other role a plain 403 with the reason; bad addresses get a plain 400 or 404.
/// </summary>
public sealed class RoomLabelAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private const string MainBuilding = "Gedung Balai Kota Utama (contoh)";

    private static IReadOnlyDictionary<string, string> Emails => DemoAccounts.Emails;

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Inspector, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Secretariat, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Leadership, HttpStatusCode.Forbidden)]
    [InlineData(Roles.RepairUnit, HttpStatusCode.Forbidden)]
    public async Task ServesAFloorsLabelSheetAndARoomsQrCodeOnlyToAdministrators(string role, HttpStatusCode expected)
    {
        var (roomId, buildingId) = await RoomAsync("Ruang Kepala Diskominfo");
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var sheet = await client.GetAsync($"/admin/rooms/labels.pdf?buildingId={buildingId}&floor=2");
        using var code = await client.GetAsync($"/admin/rooms/{roomId}/qr.svg");

        Assert.Equal(expected, sheet.StatusCode);
        Assert.Equal(expected, code.StatusCode);
        var pdf = await sheet.Content.ReadAsByteArrayAsync();
        var svg = await code.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", sheet.Content.Headers.ContentType?.MediaType);
            Assert.Equal("%PDF-"u8.ToArray(), pdf.Take(5));
            Assert.Equal("inline; filename=\"label-qr-gedung-balai-kota-utama-contoh-lantai-2.pdf\"", sheet.Content.Headers.ContentDisposition?.ToString());
            Assert.Equal("image/svg+xml", code.Content.Headers.ContentType?.MediaType);
            Assert.Equal(QrSymbol.Svg($"http://localhost/rooms/{roomId}/inspect"), svg);
        }
        else
        {
            Assert.Equal("Anda tidak berhak mencetak label QR ruangan.", System.Text.Encoding.UTF8.GetString(pdf));
            Assert.Equal("Anda tidak berhak mencetak label QR ruangan.", svg);
        }
    }

    [Fact]
    public async Task ServesTheWholeBuildingWhenNoFloorIsChosen()
    {
        var (_, buildingId) = await RoomAsync("Ruang Kepala Diskominfo");
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Administrator]);

        using var response = await client.GetAsync($"/admin/rooms/labels.pdf?buildingId={buildingId}&lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inline; filename=\"room-labels-gedung-balai-kota-utama-contoh.pdf\"", response.Content.Headers.ContentDisposition?.ToString());
    }

    [Theory]
    [InlineData("/admin/rooms/labels.pdf", HttpStatusCode.BadRequest, "Gedung tidak dikenali")]
    [InlineData("/admin/rooms/labels.pdf?buildingId=gedung-utama", HttpStatusCode.BadRequest, "Gedung tidak dikenali")]
    [InlineData("/admin/rooms/labels.pdf?buildingId={main}&floor=dua", HttpStatusCode.BadRequest, "Lantai harus berupa angka")]
    [InlineData("/admin/rooms/labels.pdf?buildingId={main}&lang=fr", HttpStatusCode.BadRequest, "Bahasa laporan")]
    [InlineData("/admin/rooms/labels.pdf?buildingId=0190a1b2-0000-7000-8000-000000000000", HttpStatusCode.NotFound, "Gedung tidak ditemukan.")]
    [InlineData("/admin/rooms/labels.pdf?buildingId={main}&floor=9", HttpStatusCode.NotFound, "Lantai 9 Gedung Balai Kota Utama (contoh) tidak punya ruangan aktif")]
    [InlineData("/admin/rooms/0190a1b2-0000-7000-8000-000000000000/qr.svg", HttpStatusCode.NotFound, "Ruangan tidak ditemukan.")]
    public async Task AnswersABadAddressWithAPlainReason(string path, HttpStatusCode expected, string reason)
    {
        var (_, mainId) = await RoomAsync("Ruang Kepala Diskominfo");
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Administrator]);

        using var response = await client.GetAsync(path.Replace("{main}", mainId.ToString(), StringComparison.Ordinal));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/rooms/labels.pdf?buildingId=0190a1b2-0000-7000-8000-000000000000")]
    [InlineData("/admin/rooms/0190a1b2-0000-7000-8000-000000000000/qr.svg")]
    public async Task SendsAnAnonymousVisitorToSignIn(string path)
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutsTheConfiguredPublicAddressInTheCodeInsteadOfTheRequests()
    {
        var (roomId, _) = await RoomAsync("Ruang Kepala Diskominfo");
        await using var configured = factory.WithWebHostBuilder(b => b.UseSetting("Labels:PublicBaseUrl", "https://balaikota.example.go.id/pemkot"));
        using var client = await Browserless.SignedInAsync(configured, Emails[Roles.Administrator]);

        var svg = await client.GetStringAsync($"/admin/rooms/{roomId}/qr.svg");

        Assert.Equal(QrSymbol.Svg($"https://balaikota.example.go.id/pemkot/rooms/{roomId}/inspect"), svg);
    }

    private async Task<(Guid Id, Guid BuildingId)> RoomAsync(string name)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();
        var room = await db.Rooms.Where(r => r.Name == name).Select(r => new { r.Id, r.BuildingId, Building = db.Buildings.Where(b => b.Id == r.BuildingId).Select(b => b.Name).Single() }).SingleAsync();
        Assert.Equal(MainBuilding, room.Building);
        return (room.Id, room.BuildingId);
    }
}

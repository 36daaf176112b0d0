using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The address printed as a QR code on a room's door, per role.</summary>
public sealed class RoomLinkTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    [Fact]
    public async Task TakesTheInspectorStraightIntoTheRoomOfTheirVisitInProgress()
    {
        var (visitId, roomId) = await RoomOfTheInspectorsVisitInProgressAsync();
        Guid[] visitsOfThatOpd;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync())
        {
            var opdId = await db.Visits.Where(v => v.Id == visitId).Select(v => v.OpdId).SingleAsync();
            visitsOfThatOpd = await db.Visits.Where(v => v.OpdId == opdId && v.Status == VisitStatus.InProgress).Select(v => v.Id).ToArrayAsync();
        }

        using var client = await Browserless.SignedInAsync(factory, "peninjau@balaikota.test");
        using var response = await client.GetAsync($"/rooms/{roomId}/inspect");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!.OriginalString;
        Assert.EndsWith($"/rooms/{roomId}", target, StringComparison.Ordinal);
        Assert.Contains(visitsOfThatOpd, id => target.Contains($"/visits/{id}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OffersLeadershipNoVisitToStartAndNamesTheRoom()
    {
        var (_, roomId) = await RoomOfTheInspectorsVisitInProgressAsync();
        using var client = await Browserless.SignedInAsync(factory, "pimpinan@balaikota.test");

        using var response = await client.GetAsync($"/rooms/{roomId}/inspect");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"room-no-visit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("room-start-visit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaysPlainlyThatAnUnknownRoomIsNotRegistered()
    {
        using var client = await Browserless.SignedInAsync(factory, "peninjau@balaikota.test");

        using var response = await client.GetAsync($"/rooms/{Guid.CreateVersion7()}/inspect");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"room-unknown\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesARepairUnit()
    {
        var (_, roomId) = await RoomOfTheInspectorsVisitInProgressAsync();
        using var client = await Browserless.SignedInAsync(factory, "pelaksana@balaikota.test");

        using var response = await client.GetAsync($"/rooms/{roomId}/inspect");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<(Guid VisitId, Guid RoomId)> RoomOfTheInspectorsVisitInProgressAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();
        var inspectorId = await db.Users.Where(u => u.Email == "peninjau@balaikota.test").Select(u => u.Id).SingleAsync();
        var visit = await db.Visits.Include(v => v.Rooms).Where(v => v.Status == VisitStatus.InProgress && v.LeadInspectorId == inspectorId).OrderBy(v => v.Id).FirstAsync();
        return (visit.Id, visit.Rooms.OrderBy(r => r.SortOrder).First().RoomId);
    }
}

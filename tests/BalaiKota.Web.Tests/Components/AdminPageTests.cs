using System.Security.Claims;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using BalaiKota.Web.Features.Admin;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using W = BalaiKota.Web.Tests.Components.FollowUpsPageWorld;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The administration page on the real overview service and a throw-away database (see <see cref="FollowUpsPageWorld"/>).</summary>
public sealed class AdminPageTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private W _world = default!;

    public async ValueTask InitializeAsync()
    {
        _world = await W.CreateAsync();
        Services.AddSingleton(new AdminOverviewService(_world.Database, _world.Clock));
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{W.Administrator}@balaikota.test");
        authorization.SetRoles(Roles.Administrator);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, W.Administrator));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _world.DisposeAsync();
    }

    [Fact]
    public void LeadsToEveryAdministrationAreaWithNothingWaiting()
    {
        var page = Render<AdminPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["/admin/opds", "/admin/rooms", "/admin/templates", "/admin/users", "/admin/audit"],
            page.FindAll("[data-testid=area-open]").Select(a => a.GetAttribute("href"))), Loading);
        Assert.Empty(page.FindAll("[data-testid=area-attention]"));
        Assert.Equal("Versi 1 terbit dan dipakai kunjungan baru.", page.Find("[data-testid=admin-templates] [data-testid=area-summary]").TextContent.Trim());
    }

    [Fact]
    public async Task TellsTheAdministratorThatRoomsAddedDuringAVisitWaitForConfirmation()
    {
        await using (var db = _world.Database.CreateDbContext())
        {
            var room = await db.Rooms.FirstAsync();
            db.Rooms.Add(Room.AddedDuringVisit(room.OpdId, room.BuildingId, "Gudang Arsip", room.Floor, RoomType.Office, null));
            db.Rooms.Add(Room.AddedDuringVisit(room.OpdId, room.BuildingId, "Pantry", room.Floor, RoomType.Office, null));
            await db.SaveChangesAsync();
        }

        var page = Render<AdminPage>();

        page.WaitForAssertion(() => Assert.Equal(
            "2 ruangan ditambahkan peninjau saat kunjungan dan menunggu konfirmasi.",
            page.Find("[data-testid=admin-rooms] [data-testid=area-attention]").TextContent.Trim()), Loading);
    }

    [Fact]
    public void SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");

        var page = Render<AdminPage>();

        page.WaitForAssertion(() => Assert.Equal("Administration", page.Find("h1").TextContent.Trim()), Loading);
        Assert.Equal("Checklist templates", page.Find("[data-testid=admin-templates] h2").TextContent.Trim());
    }
}

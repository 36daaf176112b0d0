using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The photos of a follow-up task, on a task of the demo data assigned to the unit of "pelaksana": the finding's photo
/// (before) and the unit's after photo go to whoever reads the task, a repair unit included, and to no one else.
/// </summary>
public sealed class TaskPhotoAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private const string OtherUnitEmail = "pelaksana.lain@balaikota.test";

    private static readonly Dictionary<string, string> Emails = new()
    {
        [Roles.Administrator] = "admin@balaikota.test",
        [Roles.Inspector] = "peninjau@balaikota.test",
        [Roles.Secretariat] = "sekretariat@balaikota.test",
        [Roles.Leadership] = "pimpinan@balaikota.test",
        [Roles.RepairUnit] = "pelaksana@balaikota.test",
        ["OtherUnit"] = OtherUnitEmail,
    };

    [Theory]
    [InlineData(Roles.RepairUnit, true)]
    [InlineData(Roles.Leadership, true)]
    [InlineData(Roles.Secretariat, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Inspector, true)]
    [InlineData("OtherUnit", false)]
    public async Task ServesTheBeforeAndAfterPhotosToWhoeverReadsTheTask(string who, bool allowed)
    {
        var (before, after) = await AddPhotosToATaskOfTheDemoUnitAsync();
        using var client = await Browserless.SignedInAsync(factory, Emails[who]);

        foreach (var path in new[] { $"/photos/{before}", $"/photos/{before}/thumb", $"/photos/{after}", $"/photos/{after}/thumb" })
        {
            using var response = await client.GetAsync(path);

            if (allowed)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task SendsAnAnonymousVisitorToSignInInsteadOfAPhoto()
    {
        var (before, after) = await AddPhotosToATaskOfTheDemoUnitAsync();
        using var client = Browserless.Client(factory);

        foreach (var path in new[] { $"/photos/{before}", $"/photos/{after}/thumb" })
        {
            using var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARepairUnitStillGetsNoPhotoOfAVisitWithoutATaskOfItsUnit()
    {
        Guid photoId;
        await using (var db = await Contexts().CreateDbContextAsync())
        {
            var unitId = await UnitOfAsync(db, Emails[Roles.RepairUnit]);
            var finding = await db.Findings.Where(f => !db.FollowUpTasks.Any(t => t.FindingId == f.Id && t.ResponsibleUnitId == unitId)).Select(f => f.Id).FirstAsync();
            photoId = AddFindingPhoto(db, finding);
            await db.SaveChangesAsync();
        }

        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.RepairUnit]);
        using var response = await client.GetAsync($"/photos/{photoId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private IDbContextFactory<BalaiKotaDbContext> Contexts() => factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>();

    private static async Task<Guid> UnitOfAsync(BalaiKotaDbContext db, string email) =>
        await db.Users.Where(u => u.Email == email).Select(u => u.ResponsibleUnitId!.Value).SingleAsync();

    private static Guid AddFindingPhoto(BalaiKotaDbContext db, Guid findingId)
    {
        var processed = PhotoProcessor.Process(TestImages.Jpeg(400, 300));
        var inspectorId = db.Users.Where(u => u.Email == "peninjau@balaikota.test").Select(u => u.Id).Single();
        var photo = new Photo(PhotoKind.Finding, processed.Jpeg, processed.Thumbnail, processed.Width, processed.Height, inspectorId, DateTime.UtcNow);
        photo.AttachToFinding(findingId);
        db.Photos.Add(photo);
        return photo.Id;
    }

    /// <summary>A photo of the finding behind an open task of the unit of "pelaksana", and an after photo of it by the unit.</summary>
    private async Task<(Guid Before, Guid After)> AddPhotosToATaskOfTheDemoUnitAsync()
    {
        await OtherUnitMember.EnsureAsync(factory, OtherUnitEmail, Emails[Roles.RepairUnit]);
        await using var scope = factory.Services.CreateAsyncScope();
        var followUps = scope.ServiceProvider.GetRequiredService<FollowUpService>();
        await using var db = await Contexts().CreateDbContextAsync();
        var unitId = await UnitOfAsync(db, Emails[Roles.RepairUnit]);
        var repairId = await db.Users.Where(u => u.Email == Emails[Roles.RepairUnit]).Select(u => u.Id).SingleAsync();
        var task = await db.FollowUpTasks
            .Where(t => t.ResponsibleUnitId == unitId && (t.Status == FollowUpStatus.Assigned || t.Status == FollowUpStatus.InProgress))
            .OrderBy(t => t.Id)
            .FirstAsync();
        var before = AddFindingPhoto(db, task.FindingId);
        await db.SaveChangesAsync();
        var after = await followUps.AddPhotoAsync(new Actor(repairId, new HashSet<string> { Roles.RepairUnit }), task.Id, PhotoKind.After, PhotoProcessor.Process(TestImages.Jpeg(400, 300)));
        return (before, after.Id);
    }
}

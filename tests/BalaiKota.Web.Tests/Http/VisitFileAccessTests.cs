using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>Photos and signatures leave the app only to the roles that read the visit, checked on the server per role.</summary>
public sealed class VisitFileAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private static IReadOnlyDictionary<string, string> Emails => DemoAccounts.Emails;

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Inspector, true)]
    [InlineData(Roles.Secretariat, true)]
    [InlineData(Roles.Leadership, true)]
    [InlineData(Roles.RepairUnit, false)]
    public async Task ServesAFindingPhotoOnlyToRolesThatReadTheVisit(string role, bool allowed)
    {
        var photoId = await AddPhotoToAVisitInProgressAsync();
        using var client = await Browserless.SignedInAsync(factory, Emails[role]);

        using var thumbnail = await client.GetAsync($"/photos/{photoId}/thumb");
        using var photo = await client.GetAsync($"/photos/{photoId}");

        foreach (var response in new[] { thumbnail, photo })
        {
            if (allowed)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            }
            else
            {
                Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
                Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Inspector, true)]
    [InlineData(Roles.Secretariat, true)]
    [InlineData(Roles.Leadership, true)]
    [InlineData(Roles.RepairUnit, false)]
    public async Task ServesTheSignaturesOfASubmittedVisitOnlyToRolesThatReadIt(string role, bool allowed)
    {
        Guid visitId;
        await using (var db = await Contexts().CreateDbContextAsync())
        {
            visitId = await db.Visits.Where(v => v.Status == VisitStatus.Submitted).Select(v => v.Id).FirstAsync();
        }

        using var client = await Browserless.SignedInAsync(factory, Emails[role]);
        using var response = await client.GetAsync($"/visits/{visitId}/signatures/OpdRepresentative");

        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "image/png");
    }

    [Fact]
    public async Task AnswersNotFoundForAPhotoThatDoesNotExist()
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Leadership]);

        using var response = await client.GetAsync($"/photos/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private IDbContextFactory<BalaiKotaDbContext> Contexts() => factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>();

    private async Task<Guid> AddPhotoToAVisitInProgressAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var inspections = scope.ServiceProvider.GetRequiredService<InspectionService>();
        await using var db = await Contexts().CreateDbContextAsync();
        var inspectorId = await db.Users.Where(u => u.Email == Emails[Roles.Inspector]).Select(u => u.Id).SingleAsync();
        var inspector = new Actor(inspectorId, new HashSet<string> { Roles.Inspector });
        var visit = await db.Visits.Include(v => v.Rooms).FirstAsync(v => v.Status == VisitStatus.InProgress && v.LeadInspectorId == inspectorId);
        var roomIds = visit.Rooms.Select(r => r.RoomId).ToList();
        var office = await db.Rooms.FirstAsync(r => roomIds.Contains(r.Id) && r.Type == RoomType.Office);
        var apar = await db.ChecklistItems.Where(i => i.Code == "SAF-APAR" && db.ChecklistCategories.Any(c => c.Id == i.CategoryId && c.TemplateId == visit.TemplateId)).Select(i => i.Id).SingleAsync();
        var current = await db.Answers.Where(a => a.ItemId == apar && db.RoomInspections.Any(r => r.Id == a.RoomInspectionId && r.VisitId == visit.Id && r.RoomId == office.Id))
            .Select(a => (int?)a.Revision).SingleOrDefaultAsync();
        var saved = await inspections.SaveAnswerAsync(inspector, new SaveAnswerRequest(visit.Id, office.Id, apar, AnswerInput.Fail(), null, null, current ?? 0));
        var photo = await inspections.AddPhotoAsync(inspector, visit.Id, new PhotoTarget(saved.Answer.Id, null), PhotoProcessor.Process(TestImages.Jpeg(400, 300)));
        return photo.Id;
    }
}

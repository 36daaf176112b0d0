using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// One follow-up task on a throw-away SQLite database, made the way the app makes it: "peninjau" measures 31 °C in an
/// office (photo included) on 20 November 2026 at 09.00 WIB and submits the visit; the secretariat assigns the draft to
/// the technical unit of "pelaksana" ("pelaksana2" belongs to another unit). Each step moves the clock on.
/// </summary>
internal sealed class TaskScenario : IAsyncDisposable
{
    public static readonly Actor Inspector = As("peninjau", Roles.Inspector);
    public static readonly Actor Secretariat = As("sekretariat", Roles.Secretariat);
    public static readonly Actor Leadership = As("pimpinan", Roles.Leadership);
    public static readonly Actor Administrator = As("admin", Roles.Administrator);
    public static readonly Actor Repair = As("pelaksana", Roles.RepairUnit);
    public static readonly Actor OtherRepair = As("pelaksana2", Roles.RepairUnit);

    private TaskScenario(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        var templates = new TemplateCache(database);
        Visits = new VisitService(database, templates, Options.Create(new DueDays()), clock);
        Inspections = new InspectionService(database, templates, clock);
        FollowUps = new FollowUpService(database, templates, Options.Create(new DueDays()), clock);
        Notifications = new NotificationService(database, clock);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public VisitService Visits { get; }

    public InspectionService Inspections { get; }

    public FollowUpService FollowUps { get; }

    public NotificationService Notifications { get; }

    public Guid TaskId { get; private set; }

    public Guid RoomId { get; private set; }

    public string RoomName { get; private set; } = string.Empty;

    public Guid VisitId { get; private set; }

    public Guid BeforePhotoId { get; private set; }

    public static async Task<TaskScenario> CreateAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var scenario = new TaskScenario(await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, clock), clock);
        await scenario.SeedAsync();
        return scenario;
    }

    /// <summary>The services the follow-up components inject, on this database and clock.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(FollowUps);
        services.AddSingleton(Notifications);
        services.AddSingleton(Inspections);
    }

    /// <summary>Signs the bUnit user in with the same id and role as the actor.</summary>
    public static void SignIn(BunitContext context, Actor actor)
    {
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized($"{actor.UserId}@balaikota.test");
        authorization.SetRoles([.. actor.Roles]);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId));
    }

    public Task<TaskDetail> DetailAsync(Actor? actor = null) => FollowUps.GetAsync(actor ?? Secretariat, TaskId);

    /// <summary>The secretariat assigns the draft to the technical unit, priority high, due in a week.</summary>
    public async Task<TaskDetail> AssignAsync()
    {
        var unitId = await UnitOfAsync(Repair.UserId);
        return Applied(await FollowUps.AssignAsync(Step(Secretariat), new AssignRequest(TaskId, (await DetailAsync()).Version, unitId, Repair.UserId, TaskPriority.High, Wib.Today(Clock).AddDays(7))));
    }

    public async Task<TaskDetail> StartWorkAsync() => Applied(await FollowUps.StartWorkAsync(Step(Repair), TaskId, (await DetailAsync()).Version));

    public async Task<TaskDetail> MarkDoneAsync(string? note = null) => Applied(await FollowUps.MarkDoneAsync(Step(Repair), TaskId, (await DetailAsync()).Version, note));

    public async Task<TaskDetail> HandBackAsync(HandBackReason reason, string explanation) =>
        Applied(await FollowUps.HandBackAsync(Step(Repair), TaskId, (await DetailAsync()).Version, reason, explanation));

    public async Task<TaskDetail> CommentAsync(Actor actor, string text) => Applied(await FollowUps.CommentAsync(Step(actor), TaskId, (await DetailAsync()).Version, text));

    /// <summary>The secretariat assigns the task again, to the same unit with a later due date: a change of its version.</summary>
    public async Task<TaskDetail> ReassignAsync()
    {
        var unitId = await UnitOfAsync(Repair.UserId);
        return Applied(await FollowUps.AssignAsync(Step(Secretariat), new AssignRequest(TaskId, (await DetailAsync()).Version, unitId, null, TaskPriority.Urgent, Wib.Today(Clock).AddDays(3))));
    }

    public async Task<PhotoRef> AddPhotoAsync(Actor actor, PhotoKind kind) =>
        await FollowUps.AddPhotoAsync(Step(actor), TaskId, kind, PhotoProcessor.Process(TestImages.Jpeg(400, 300)));

    public async Task<FollowUpStatus> StoredStatusAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.FollowUpTasks.Where(t => t.Id == TaskId).Select(t => t.Status).SingleAsync();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();

    private static Actor As(string id, string role) => new(id, new HashSet<string> { role });

    private static TaskDetail Applied(TaskChangeResult result)
    {
        Assert.False(result.IsConflict);
        return result.Task;
    }

    // Ten minutes pass between steps, so that every entry of the timeline has its own time.
    private Actor Step(Actor actor)
    {
        Clock.Advance(TimeSpan.FromMinutes(10));
        return actor;
    }

    private async Task<Guid> UnitOfAsync(string userId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.ResponsibleUnitId!.Value).SingleAsync();
    }

    private async Task SeedAsync()
    {
        Room office;
        await using (var db = Database.CreateDbContext())
        {
            var template = DefaultChecklist.Build();
            template.Publish(Clock.GetUtcNow().UtcDateTime);
            db.ChecklistTemplates.Add(template);
            await SampleRegistry.EnsureAsync(db);
            TestUsers.Add(db, Roles.Inspector, Inspector.UserId);
            TestUsers.Add(db, Roles.Secretariat, Secretariat.UserId);
            TestUsers.Add(db, Roles.Leadership, Leadership.UserId);
            TestUsers.Add(db, Roles.Administrator, Administrator.UserId);
            TestUsers.Add(db, Roles.RepairUnit, Repair.UserId, OtherRepair.UserId);
            var technical = await db.ResponsibleUnits.SingleAsync(u => u.Name == SampleRegistry.TechnicalUnitName);
            var another = await db.ResponsibleUnits.Where(u => u.Kind == ResponsibleUnitKind.Opd).OrderBy(u => u.Name).FirstAsync();
            db.Users.Local.Single(u => u.Id == Repair.UserId).ResponsibleUnitId = technical.Id;
            db.Users.Local.Single(u => u.Id == OtherRepair.UserId).ResponsibleUnitId = another.Id;
            await db.SaveChangesAsync();
            office = await db.Rooms.Where(r => r.Type == RoomType.Office && r.IsActive).OrderBy(r => r.Name).FirstAsync();
        }

        RoomId = office.Id;
        RoomName = office.Name;
        VisitId = await Visits.PlanAsync(Inspector, new PlanVisitRequest(
            office.OpdId, Wib.Today(Clock), Inspector.UserId, [], [new AccompanyingOfficial("Ibu Sekretaris", "Sekretaris Dinas")], [office.Id], StartNow: true));
        Guid heatItem;
        await using (var db = Database.CreateDbContext())
        {
            heatItem = await db.ChecklistItems.Where(i => i.Code == "HEAT-WORK").Select(i => i.Id).SingleAsync();
        }

        var answer = await Inspections.SaveAnswerAsync(Inspector, new SaveAnswerRequest(VisitId, office.Id, heatItem, AnswerInput.Reading(31), "AC mati", null, 0));
        BeforePhotoId = (await Inspections.AddPhotoAsync(Inspector, VisitId, new PhotoTarget(answer.Answer.Id, null), PhotoProcessor.Process(TestImages.Jpeg(400, 300)))).Id;
        var signature = TestImages.Png(40, 20);
        await Visits.SignAsync(Inspector, VisitId, new SignRequest(VisitSigner.LeadInspector, "Nama peninjau", "Ketua Tim Peninjau", signature));
        await Visits.SignAsync(Inspector, VisitId, new SignRequest(VisitSigner.OpdRepresentative, "Ibu Sekretaris", "Sekretaris Dinas", signature));
        await Visits.SubmitAsync(Step(Inspector), VisitId, confirmUnanswered: true);
        await using (var db = Database.CreateDbContext())
        {
            TaskId = await db.FollowUpTasks.Select(t => t.Id).SingleAsync();
        }
    }
}

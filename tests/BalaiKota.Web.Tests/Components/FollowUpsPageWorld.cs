using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Severity = BalaiKota.Core.Domain.Severity;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The follow-up service on a throw-away SQLite database with the default checklist, the sample registry and one
/// account per role, at 09.00 WIB on Friday 20 November 2026. Tests add the findings and tasks they need, in the
/// state they need, through the domain's own methods.
/// </summary>
internal sealed class FollowUpsPageWorld : IAsyncDisposable
{
    public const string Secretariat = "sekretariat";
    public const string OtherSecretariat = "sekretariat2";
    public const string Administrator = "admin";
    public const string Leadership = "pimpinan";
    public const string Inspector = "peninjau";
    public const string Repairer = "pelaksana";
    public const string OtherRepairer = "pelaksana2";
    public const string OpdRepairer = "pelaksana-opd";

    /// <summary>The city hall's own technical unit; <see cref="Repairer"/> and <see cref="OtherRepairer"/> work there.</summary>
    public const string TechnicalUnitName = SampleRegistry.TechnicalUnitName;

    public static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private readonly Dictionary<string, Guid?> _unitOf = [];
    private ChecklistTemplate _template = default!;

    private FollowUpsPageWorld(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        var templates = new TemplateCache(database);
        FollowUps = new FollowUpService(database, templates, Options.Create(new DueDays()), clock);
        Visits = new VisitService(database, templates, Options.Create(new DueDays()), clock);
        Inspections = new InspectionService(database, templates, clock);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public FollowUpService FollowUps { get; }

    public VisitService Visits { get; }

    public InspectionService Inspections { get; }

    /// <summary>The city hall's own technical unit; <see cref="Repairer"/> and <see cref="OtherRepairer"/> work there.</summary>
    public Guid TechnicalUnitId { get; private set; }

    /// <summary>Disdukcapil's own maintenance, where <see cref="OpdRepairer"/> works.</summary>
    public Guid OpdUnitId { get; private set; }

    public static async Task<FollowUpsPageWorld> CreateAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var world = new FollowUpsPageWorld(await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, clock), clock);
        await world.SeedAsync();
        return world;
    }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(FollowUps);
        services.AddSingleton(Inspections);
        services.AddSingleton<TimeProvider>(Clock);
    }

    public static Actor ActorOf(string userId, string role, Guid? unitId = null) => new(userId, new HashSet<string> { role }, unitId);

    public Actor Acting(string userId) => userId switch
    {
        Secretariat or OtherSecretariat => ActorOf(userId, Roles.Secretariat),
        Administrator => ActorOf(userId, Roles.Administrator),
        Leadership => ActorOf(userId, Roles.Leadership),
        Inspector => ActorOf(userId, Roles.Inspector),
        _ => ActorOf(userId, Roles.RepairUnit, _unitOf[userId]),
    };

    public async Task<Room> RoomAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Rooms.AsNoTracking().SingleAsync(r => r.Name == name);
    }

    /// <summary>An ad hoc finding in the room and its task, walked along the state machine to <paramref name="status"/>.</summary>
    /// <param name="due">The due date; a past one is allowed, as if it was set when it still lay ahead.</param>
    public async Task<Guid> AddTaskAsync(
        string description,
        string room = "Ruang Kerja Staf Disdukcapil",
        FollowUpStatus status = FollowUpStatus.New,
        Severity severity = Severity.Medium,
        InspectionArea area = InspectionArea.Comfort,
        DateOnly? due = null,
        Guid? unitId = null,
        string? assignee = null,
        int foundDaysAgo = 1)
    {
        await using var db = Database.CreateDbContext();
        var place = await db.Rooms.SingleAsync(r => r.Name == room);
        var opd = await db.Opds.SingleAsync(o => o.Id == place.OpdId);
        var foundAt = Clock.GetUtcNow().UtcDateTime.AddDays(-foundDaysAgo);
        var visit = Visit.Plan(opd, DateOnly.FromDateTime(Wib.ToWib(foundAt)), Inspector, _template);
        db.Visits.Add(visit);
        var finding = Finding.AdHoc(visit.Id, place.Id, area, severity, description, foundAt);
        db.Findings.Add(finding);
        var dueDate = due ?? Today.AddDays(14);
        var task = FollowUpTask.DraftFrom(finding, Secretariat, foundAt, dueDate);
        db.FollowUpTasks.Add(task);

        var at = foundAt.AddHours(1);
        var unit = unitId ?? TechnicalUnitId;
        var repairer = ActorOf(Repairer, Roles.RepairUnit, unit);
        var secretariat = Acting(Secretariat);
        if (status is FollowUpStatus.Dismissed)
        {
            task.Dismiss(secretariat, "Bukan temuan.", at);
        }
        else if (status is not FollowUpStatus.New)
        {
            task.Assign(secretariat, unit, assignee, task.Priority, dueDate, dueDate < Today ? dueDate : Today, at);
        }

        switch (status)
        {
            case FollowUpStatus.InProgress:
                task.StartWork(repairer, at);
                break;
            case FollowUpStatus.HandedBack:
                task.HandBack(repairer, HandBackReason.NeedsBudget, "Perlu pengadaan AC baru.", at);
                break;
            case FollowUpStatus.Done or FollowUpStatus.Verified:
                task.MarkDone(repairer, "Sudah diperbaiki.", at);
                break;
        }

        if (status == FollowUpStatus.Verified)
        {
            task.Verify(secretariat, null, at);
        }

        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>
    /// A visit walked through as the inspector does it: one office, a temperature of <paramref name="celsius"/> °C read and
    /// photographed, signed and submitted; the submission drafts the task. Returns the task.
    /// </summary>
    public async Task<Guid> SubmitHeatReadingAsync(decimal celsius)
    {
        var inspector = Acting(Inspector);
        var office = await RoomAsync("Ruang Kerja Staf Disdukcapil");
        var visitId = await Visits.PlanAsync(inspector, new PlanVisitRequest(
            office.OpdId, Today, Inspector, [], [new AccompanyingOfficial("Ibu Sekretaris", "Sekretaris Dinas")], [office.Id], StartNow: true));
        await using (var db = Database.CreateDbContext())
        {
            var itemId = await db.ChecklistItems.Where(i => i.Code == "HEAT-WORK").Select(i => i.Id).SingleAsync();
            var saved = await Inspections.SaveAnswerAsync(inspector, new SaveAnswerRequest(visitId, office.Id, itemId, AnswerInput.Reading(celsius), "AC mati", null, 0));
            var photo = new Photo(PhotoKind.Finding, Png, Png, 1600, 1200, Inspector, Clock.GetUtcNow().UtcDateTime);
            photo.AttachToAnswer(saved.Answer.Id);
            db.Photos.Add(photo);
            await db.SaveChangesAsync();
        }

        await Visits.SignAsync(inspector, visitId, new SignRequest(VisitSigner.LeadInspector, "Nama peninjau", "Ketua Tim", Png));
        await Visits.SignAsync(inspector, visitId, new SignRequest(VisitSigner.OpdRepresentative, "Ibu Sekretaris", "Sekretaris Dinas", Png));
        await Visits.SubmitAsync(inspector, visitId, confirmUnanswered: true);
        await using var check = Database.CreateDbContext();
        return await check.FollowUpTasks.Where(t => check.Findings.Any(f => f.Id == t.FindingId && f.VisitId == visitId)).Select(t => t.Id).SingleAsync();
    }

    public async Task<FollowUpTask> TaskAsync(Guid taskId)
    {
        await using var db = Database.CreateDbContext();
        return await db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
    }

    public async Task<int> VersionAsync(Guid taskId) => (await TaskAsync(taskId)).Version;

    /// <summary>The person leaves the app: they are no longer an active member of their unit.</summary>
    public async Task DeactivateAsync(string userId)
    {
        await using var db = Database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.IsActive = false;
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private async Task SeedAsync()
    {
        await using var db = Database.CreateDbContext();
        _template = DefaultChecklist.Build();
        _template.Publish(Clock.GetUtcNow().UtcDateTime);
        db.ChecklistTemplates.Add(_template);
        await SampleRegistry.EnsureAsync(db);
        TestUsers.Add(db, Roles.Secretariat, Secretariat, OtherSecretariat);
        TestUsers.Add(db, Roles.Administrator, Administrator);
        TestUsers.Add(db, Roles.Leadership, Leadership);
        TestUsers.Add(db, Roles.Inspector, Inspector);
        TestUsers.Add(db, Roles.RepairUnit, Repairer, OtherRepairer, OpdRepairer);
        await db.SaveChangesAsync();

        TechnicalUnitId = await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync();
        OpdUnitId = await db.ResponsibleUnits.Where(u => u.Name == "Disdukcapil (pemeliharaan mandiri)").Select(u => u.Id).SingleAsync();
        _unitOf[Repairer] = TechnicalUnitId;
        _unitOf[OtherRepairer] = TechnicalUnitId;
        _unitOf[OpdRepairer] = OpdUnitId;
        foreach (var user in await db.Users.Where(u => _unitOf.Keys.Contains(u.Id)).ToListAsync())
        {
            user.ResponsibleUnitId = _unitOf[user.Id];
        }

        await db.SaveChangesAsync();
    }
}

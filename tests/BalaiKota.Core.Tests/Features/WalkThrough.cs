using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core.Tests.Features;

/// <summary>
/// A migrated test database with the default checklist published and the sample registry, the walk-through services on
/// it, and visits submitted through them as the app makes them: the ground the feature tests build their data on.
/// </summary>
internal sealed class WalkThrough : IAsyncDisposable
{
    /// <summary>The drawn signature every submitted visit carries, for both signers.</summary>
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private WalkThrough(TestDatabase database, TimeProvider clock)
    {
        Database = database;
        var templates = new TemplateCache(database);
        var dueDays = Options.Create(new DueDays());
        Visits = new VisitService(database, templates, dueDays, clock);
        Inspections = new InspectionService(database, templates, clock);
        FollowUps = new FollowUpService(database, templates, dueDays, clock);
    }

    public TestDatabase Database { get; }

    public VisitService Visits { get; }

    public InspectionService Inspections { get; }

    public FollowUpService FollowUps { get; }

    public static async Task<WalkThrough> CreateAsync(DatabaseProvider provider, TimeProvider clock)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider, clock);
        await using var db = database.CreateDbContext();
        var template = DefaultChecklist.Build();
        template.Publish(clock.GetUtcNow().UtcDateTime);
        db.ChecklistTemplates.Add(template);
        await SampleRegistry.EnsureAsync(db);
        await db.SaveChangesAsync();
        return new WalkThrough(database, clock);
    }

    /// <summary>
    /// Plans a visit of the OPD on the date (of <paramref name="roomIds"/>, or of every active room), starts it now, lets
    /// <paramref name="record"/> fill it, then signs and submits it; returns the visit.
    /// </summary>
    public async Task<Guid> SubmitVisitAsync(Actor inspector, Opd opd, DateOnly date, Func<Guid, Task> record, IReadOnlyList<string>? team = null, IReadOnlyList<Guid>? roomIds = null)
    {
        var visitId = await Visits.PlanAsync(inspector, new PlanVisitRequest(opd.Id, date, inspector.UserId, team ?? [], [new AccompanyingOfficial("Ibu Sekretaris", "Sekretaris Dinas")], roomIds, StartNow: true));
        await record(visitId);
        await Visits.SignAsync(inspector, visitId, new SignRequest(VisitSigner.LeadInspector, "Nama peninjau", "Ketua Tim", Signature));
        await Visits.SignAsync(inspector, visitId, new SignRequest(VisitSigner.OpdRepresentative, "Ibu Sekretaris", "Sekretaris Dinas", Signature));
        await Visits.SubmitAsync(inspector, visitId, confirmUnanswered: true);
        return visitId;
    }

    /// <summary>Saves a reading of the item with this code in the visit's template; returns the answer.</summary>
    public async Task<Guid> ReadingAsync(Actor inspector, Guid visitId, Guid roomId, string code, decimal value)
    {
        await using var db = Database.CreateDbContext();
        var item = await db.ChecklistItems.Where(i => i.Code == code && db.ChecklistCategories.Any(c => c.Id == i.CategoryId && db.Visits.Any(v => v.Id == visitId && v.TemplateId == c.TemplateId)))
            .Select(i => i.Id).SingleAsync();
        var saved = await Inspections.SaveAnswerAsync(inspector, new SaveAnswerRequest(visitId, roomId, item, AnswerInput.Reading(value), null, null, 0));
        return saved.Answer.Id;
    }

    /// <summary>
    /// The accounts the feature tests act as: "peninjau" (and <paramref name="otherInspectors"/>), "sekretariat",
    /// "pimpinan", "admin", and "pelaksana" in the technical unit; returns that unit.
    /// </summary>
    public async Task<Guid> AddPeopleAsync(params string[] otherInspectors)
    {
        await using var db = Database.CreateDbContext();
        var technicalUnit = await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync();
        TestUsers.Add(db, Roles.Inspector, ["peninjau", .. otherInspectors]);
        TestUsers.Add(db, Roles.Secretariat, "sekretariat");
        TestUsers.Add(db, Roles.Leadership, "pimpinan");
        TestUsers.Add(db, Roles.Administrator, "admin");
        TestUsers.AddUnitMembers(db, technicalUnit, "pelaksana");
        await db.SaveChangesAsync();
        return technicalUnit;
    }

    public async Task<Opd> OpdAsync(string shortName)
    {
        await using var db = Database.CreateDbContext();
        return await db.Opds.SingleAsync(o => o.ShortName == shortName);
    }

    public async Task<Guid> RoomIdAsync(string name)
    {
        await using var db = Database.CreateDbContext();
        return await db.Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The one task whose finding's description matches.</summary>
    public async Task<Guid> TaskAsync(Func<string, bool> description)
    {
        await using var db = Database.CreateDbContext();
        var tasks = await db.FollowUpTasks.Join(db.Findings, t => t.FindingId, f => f.Id, (t, f) => new { t.Id, f.Description }).ToListAsync();
        return tasks.Single(t => description(t.Description)).Id;
    }

    public async Task<int> VersionAsync(Guid taskId)
    {
        await using var db = Database.CreateDbContext();
        return await db.FollowUpTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

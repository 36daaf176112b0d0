using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Tests.Data;

/// <summary>The same persistence rules, proved on each provider by the subclasses below.</summary>
public abstract class PersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = _database.CreateDbContext();
        var template = DefaultChecklist.Build();
        template.Publish(Samples.Now);
        db.ChecklistTemplates.Add(template);
        await SampleRegistry.EnsureAsync(db);
        db.Users.Add(new ApplicationUser { Id = "peninjau", UserName = "peninjau@balaikota.test", Email = "peninjau@balaikota.test" });
        db.Users.Add(new ApplicationUser { Id = "sekretariat", UserName = "sekretariat@balaikota.test", Email = "sekretariat@balaikota.test" });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RoundTripsATemplateWithItsBandsRoomTypesAndOrder()
    {
        await using var db = _database.CreateDbContext();

        var template = await db.ChecklistTemplates.Include(t => t.Categories).ThenInclude(c => c.Items).SingleAsync();

        Assert.Equal(TemplateStatus.Published, template.Status);
        Assert.Equal(40, template.Items.Count());
        var work = template.Items.Single(i => i.Code == "HEAT-WORK");
        Assert.Equal(23m, work.BandMin);
        Assert.Equal(26m, work.BandMax);
        Assert.Equal([RoomType.Office, RoomType.MeetingRoom, RoomType.ServiceHall, RoomType.LactationRoom], work.RoomTypes);
        Assert.Equal(0.15m, template.Items.Single(i => i.Code == "VEN-AIRSPEED").BandMin);
        Assert.Equal(Enum.GetValues<InspectionArea>(), template.Categories.OrderBy(c => c.SortOrder).Select(c => c.Area));
    }

    [Fact]
    public async Task StoresEnumsAsReadableStringsAndTimesAsUtc()
    {
        var visitId = await PlanVisitAsync();

        await using var db = _database.CreateDbContext();
        var status = await db.Database.SqlQuery<string>($"SELECT \"Status\" AS \"Value\" FROM \"Visits\" WHERE \"Id\" = {visitId}").SingleAsync();
        var visit = await db.Visits.SingleAsync(v => v.Id == visitId);

        Assert.Equal("InProgress", status);
        Assert.Equal(DateTimeKind.Utc, visit.StartedAt!.Value.Kind);
        Assert.Equal(Samples.Now, visit.StartedAt);
    }

    [Fact]
    public async Task GivesTheSecondWriterOfAVisitAConflictInsteadOfLosingTheFirstWrite()
    {
        var visitId = await PlanVisitAsync();
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var mine = await first.Visits.SingleAsync(v => v.Id == visitId);
        var theirs = await second.Visits.SingleAsync(v => v.Id == visitId);

        mine.Cancel("OPD pindah gedung", Samples.Now);
        await first.SaveChangesAsync();
        theirs.Cancel("Hujan deras", Samples.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.CreateDbContext();
        var stored = await check.Visits.SingleAsync(v => v.Id == visitId);
        Assert.Equal("OPD pindah gedung", stored.CancelReason);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task GivesTheSecondWriterOfATaskAConflict()
    {
        var taskId = await CreateTaskAsync();
        var unitId = await UnitIdAsync();
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var mine = await first.FollowUpTasks.Include(t => t.History).SingleAsync(t => t.Id == taskId);
        var theirs = await second.FollowUpTasks.Include(t => t.History).SingleAsync(t => t.Id == taskId);
        var today = new DateOnly(2026, 11, 20);

        mine.Assign(Samples.Secretariat with { UserId = "sekretariat" }, unitId, null, TaskPriority.High, today.AddDays(3), today, Samples.Now);
        await first.SaveChangesAsync();
        theirs.Dismiss(Samples.Secretariat with { UserId = "sekretariat" }, "Sudah ditangani OPD", Samples.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.CreateDbContext();
        var stored = await check.FollowUpTasks.Include(t => t.History).SingleAsync(t => t.Id == taskId);
        Assert.Equal(FollowUpStatus.Assigned, stored.Status);
        Assert.Equal(2, stored.History.Count);
    }

    [Fact]
    public async Task WritesWhoChangedWhatWithTheValuesBeforeAndAfter()
    {
        var visitId = await PlanVisitAsync();
        await using (var db = _database.CreateDbContext())
        {
            db.ActingUserId = "peninjau";
            var visit = await db.Visits.SingleAsync(v => v.Id == visitId);
            visit.Cancel("Kepala OPD berhalangan", Samples.Now);
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var entries = await check.AuditEntries.Where(a => a.EntityType == nameof(Visit) && a.EntityId == visitId.ToString()).ToListAsync();
        var modified = Assert.Single(entries, e => e.Action == AuditAction.Modified);
        Assert.Equal("peninjau", modified.UserId);
        Assert.Contains("\"Status\":{\"before\":\"InProgress\",\"after\":\"Cancelled\"}", modified.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"UpdatedAt\"", modified.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"UpdatedBy\"", modified.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Version\"", modified.Changes, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Action == AuditAction.Added);
        var visitRow = await check.Visits.SingleAsync(v => v.Id == visitId);
        Assert.Equal("peninjau", visitRow.UpdatedBy);
        Assert.Equal(_database.Clock.GetUtcNow().UtcDateTime, visitRow.UpdatedAt);
    }

    [Fact]
    public async Task RefusesToDeleteAnOpdThatAVisitRefersTo()
    {
        var lonely = new Opd("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", OpdKind.Badan, 10, 8);
        await using (var setup = _database.CreateDbContext())
        {
            var template = await setup.ChecklistTemplates.SingleAsync();
            setup.Opds.Add(lonely);
            setup.Visits.Add(Visit.Plan(lonely, new DateOnly(2026, 11, 20), "peninjau", template));
            await setup.SaveChangesAsync();
        }

        await using var db = _database.CreateDbContext();
        db.Opds.Remove(await db.Opds.SingleAsync(o => o.Id == lonely.Id));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Visits.RemoveRange(await db.Visits.Where(v => v.OpdId == lonely.Id).ToListAsync());
        db.Opds.Remove(await db.Opds.SingleAsync(o => o.Id == lonely.Id));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task KeepsAnswersFindingsAndTheirTaskHistoryTogether()
    {
        var taskId = await CreateTaskAsync();

        await using var db = _database.CreateDbContext();
        var task = await db.FollowUpTasks.Include(t => t.History).SingleAsync(t => t.Id == taskId);
        var finding = await db.Findings.SingleAsync(f => f.Id == task.FindingId);
        var answer = await db.Answers.SingleAsync(a => a.Id == finding.AnswerId);

        Assert.Equal(AnswerOutcome.NotOk, answer.Outcome);
        Assert.Equal(31m, answer.Value);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(FollowUpStatus.New, Assert.Single(task.History).ToStatus);
    }

    private async Task<Guid> UnitIdAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> PlanVisitAsync()
    {
        await using var db = _database.CreateDbContext();
        var template = await db.ChecklistTemplates.Include(t => t.Categories).ThenInclude(c => c.Items).SingleAsync();
        var opd = await db.Opds.OrderBy(o => o.ShortName).FirstAsync();
        var room = await db.Rooms.FirstAsync(r => r.OpdId == opd.Id && r.Type == RoomType.Office);
        var visit = Visit.Plan(opd, new DateOnly(2026, 11, 20), "peninjau", template);
        visit.AddRoom(room);
        visit.Start(Samples.Now);
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    private async Task<Guid> CreateTaskAsync()
    {
        var visitId = await PlanVisitAsync();
        await using var db = _database.CreateDbContext();
        var template = await db.ChecklistTemplates.Include(t => t.Categories).ThenInclude(c => c.Items).SingleAsync();
        var visit = await db.Visits.Include(v => v.Rooms).ThenInclude(r => r.Answers).SingleAsync(v => v.Id == visitId);
        var room = await db.Rooms.SingleAsync(r => r.Id == visit.Rooms.Single().RoomId);
        var item = template.Items.Single(i => i.Code == "HEAT-WORK");
        var answer = visit.RecordAnswer(template, room, item, AnswerInput.Reading(31), "peninjau", Samples.Now);
        var finding = Finding.FromAnswer(visit.Id, room.Id, item, InspectionArea.Heat, answer, item.DefaultSeverity, "Ruang kerja 31 °C", Samples.Now);
        var task = FollowUpTask.DraftFrom(finding, "sekretariat", Samples.Now, FollowUpTask.DefaultDueDate(finding.Severity, DateOnly.FromDateTime(Samples.Now)));
        db.Findings.Add(finding);
        db.FollowUpTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }
}

public sealed class SqlitePersistenceTests() : PersistenceTests(DatabaseProvider.Sqlite);

public sealed class PostgresPersistenceTests() : PersistenceTests(DatabaseProvider.Postgres);

using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>
/// Follow-up tasks on a real database, proved on each provider by the subclasses below. Every task starts as a draft
/// of a visit submitted through the walk-through services, as in the app.
/// </summary>
public abstract class FollowUpWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string StaffRoom = "Ruang Kerja Staf Disdukcapil";
    private const string HeadRoom = "Ruang Kepala Bappelitbang";

    // Monday 16 November 2026, 09.00 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _inspector = Samples.Inspector;
    private readonly Actor _otherInspector = new("peninjau2", new HashSet<string> { Roles.Inspector });
    private readonly Actor _secretariat = Samples.Secretariat;
    private readonly Actor _otherSecretariat = new("sekretariat2", new HashSet<string> { Roles.Secretariat });
    private readonly Actor _admin = new("admin", new HashSet<string> { Roles.Administrator });
    private readonly Actor _leadership = Samples.Leadership;

    // Repair-unit actors carry no unit: the service reads it from their account.
    private readonly Actor _repair = Repairer("pelaksana");
    private readonly Actor _otherRepair = Repairer("pelaksana2");
    private readonly Actor _opdRepair = Repairer("pelaksana-opd");
    private WalkThrough _walk = default!;
    private TestDatabase _database = default!;
    private VisitService _visits = default!;
    private InspectionService _inspections = default!;
    private FollowUpService _followUps = default!;
    private NotificationService _notifications = default!;
    private Opd _opdA = default!;
    private Opd _opdB = default!;
    private Guid _technicalUnit;
    private Guid _opdUnit;

    private DateOnly Today => Wib.Today(_clock);

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        (_database, _visits, _inspections, _followUps) = (_walk.Database, _walk.Visits, _walk.Inspections, _walk.FollowUps);
        _notifications = new NotificationService(_database, _clock);
        _opdA = await _walk.OpdAsync("Disdukcapil");
        _opdB = await _walk.OpdAsync("Bappelitbang");
        await using var db = _database.CreateDbContext();
        _technicalUnit = await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync();
        _opdUnit = await db.ResponsibleUnits.Where(u => u.OpdId == _opdA.Id).Select(u => u.Id).SingleAsync();
        TestUsers.Add(db, Roles.Inspector, "peninjau", "peninjau2", "peninjau3");
        TestUsers.Add(db, Roles.Secretariat, "sekretariat", "sekretariat2");
        TestUsers.Add(db, Roles.Administrator, "admin");
        TestUsers.Add(db, Roles.Leadership, "pimpinan");
        TestUsers.AddUnitMembers(db, _technicalUnit, "pelaksana", "pelaksana2");
        TestUsers.AddUnitMembers(db, _opdUnit, "pelaksana-opd");
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FiltersTheListByEachFilterAndCountsStatusesWithoutTheStatusFilter()
    {
        var data = await ListDataAsync();

        Assert.Equal([data.A1, data.A2, data.A3], await IdsAsync(new TaskListFilter(OpdId: _opdA.Id)));
        Assert.Equal([data.B1, data.B2], await IdsAsync(new TaskListFilter(BuildingId: data.MainBuilding)));
        Assert.Equal([data.A1, data.A2, data.A3], await IdsAsync(new TaskListFilter(BuildingId: data.AnnexBuilding)));
        Assert.Equal([data.A2], await IdsAsync(new TaskListFilter(Area: InspectionArea.Safety)));
        Assert.Equal([data.B2, data.A3], await IdsAsync(new TaskListFilter(Severity: Severity.High)));
        Assert.Equal([data.B1], await IdsAsync(new TaskListFilter(Status: FollowUpStatus.InProgress)));
        Assert.Equal([data.A1, data.B1], await IdsAsync(new TaskListFilter(UnitId: _technicalUnit)));
        Assert.Equal([data.A3], await IdsAsync(new TaskListFilter(UnitId: _opdUnit)));
        Assert.Equal([data.A1], await IdsAsync(new TaskListFilter(AssigneeId: "pelaksana")));
        Assert.Equal([data.A1], await IdsAsync(new TaskListFilter(OverdueOnly: true)));
        Assert.Equal([data.A1, data.A2, data.B1], await IdsAsync(new TaskListFilter(DueThisWeek: true)));
        Assert.Equal([data.A1, data.A3], await IdsAsync(new TaskListFilter(OpdId: _opdA.Id, Status: FollowUpStatus.Assigned)));
        Assert.Equal([data.B1], await IdsAsync(new TaskListFilter(OpdId: _opdB.Id, Status: FollowUpStatus.InProgress)));
        Assert.Empty(await IdsAsync(new TaskListFilter(OpdId: _opdB.Id, OverdueOnly: true)));

        var assigned = await _followUps.ListAsync(_secretariat, new TaskListFilter(Status: FollowUpStatus.Assigned));
        Assert.Equal(2, assigned.Total);
        Assert.Equal(
            new Dictionary<FollowUpStatus, int> { [FollowUpStatus.New] = 1, [FollowUpStatus.Assigned] = 2, [FollowUpStatus.InProgress] = 1, [FollowUpStatus.Dismissed] = 1 },
            assigned.CountsByStatus.OrderBy(c => c.Key).ToDictionary());
        var ofOpdA = await _followUps.ListAsync(_secretariat, new TaskListFilter(OpdId: _opdA.Id, Status: FollowUpStatus.InProgress));
        Assert.Equal(0, ofOpdA.Total);
        Assert.Empty(ofOpdA.Rows);
        Assert.Equal(new Dictionary<FollowUpStatus, int> { [FollowUpStatus.New] = 1, [FollowUpStatus.Assigned] = 2 }, ofOpdA.CountsByStatus.OrderBy(c => c.Key).ToDictionary());

        var row = (await _followUps.ListAsync(_secretariat, new TaskListFilter(AssigneeId: "pelaksana"))).Rows.Single();
        Assert.Equal(
            (_opdA.Name, "Gedung Pelayanan Terpadu (contoh)", StaffRoom, InspectionArea.Comfort, Severity.Low, "Tirai jendela sobek", FollowUpStatus.Assigned, SampleRegistry.TechnicalUnitName, "Nama pelaksana", new DateOnly(2026, 11, 17), true),
            (row.OpdName, row.BuildingName, row.RoomName, row.Area, row.Severity, row.Description, row.Status, row.UnitName, row.AssigneeName, row.DueDate, row.IsOverdue));
    }

    [Fact]
    public async Task ListsTheTasksStillToRepairAndTheRepairsFoundOnTheCallersOwnVisits()
    {
        var data = await ListDataAsync();
        await RepairAsync(data.A1, await VersionAsync(data.A1));
        var head = await RoomIdAsync(HeadRoom);
        var thirdInspector = new Actor("peninjau3", new HashSet<string> { Roles.Inspector });
        await _walk.SubmitVisitAsync(
            _otherInspector,
            _opdB,
            Today,
            v => _inspections.AddAdHocFindingAsync(_otherInspector, v, head, new AdHocFindingRequest(InspectionArea.Safety, Severity.High, "Pintu darurat macet")),
            team: ["peninjau3"]);
        var c1 = await TaskAsync(d => d == "Pintu darurat macet");
        var c1Assigned = await _followUps.AssignAsync(_secretariat, Assignment(c1, await VersionAsync(c1), _technicalUnit));
        await RepairAsync(c1, c1Assigned.Task.Version);

        Assert.Equal([data.A2, data.B1, data.A3], await IdsAsync(new TaskListFilter(OpenOnly: true, Sort: TaskSort.DueDate)));
        Assert.Equal([data.A2, data.A3], await IdsAsync(new TaskListFilter(OpenOnly: true, OpdId: _opdA.Id, Sort: TaskSort.DueDate)));
        Assert.Equal([data.B1], (await _followUps.ListAsync(_repair, new TaskListFilter(OpenOnly: true, Sort: TaskSort.DueDate))).Rows.Select(r => r.Id));

        Assert.Equal([data.A1], await IdsOfAsync(_inspector, new TaskListFilter(FromMyVisits: true, Status: FollowUpStatus.Done)));
        Assert.Equal([c1], await IdsOfAsync(_otherInspector, new TaskListFilter(FromMyVisits: true, Status: FollowUpStatus.Done)));
        Assert.Equal([c1], await IdsOfAsync(thirdInspector, new TaskListFilter(FromMyVisits: true, Status: FollowUpStatus.Done)));
        Assert.Equal([data.A1, c1], await IdsOfAsync(_inspector, new TaskListFilter(Status: FollowUpStatus.Done, Sort: TaskSort.OldestFirst)));
        Assert.Equal([data.A1, data.A2, data.B1, data.B2, data.A3], await IdsOfAsync(_inspector, new TaskListFilter(FromMyVisits: true, Sort: TaskSort.DueDate)));
        Assert.Equal([data.A1, data.A2, data.A3], await IdsOfAsync(_inspector, new TaskListFilter(FromMyVisits: true, OpdId: _opdA.Id, Sort: TaskSort.DueDate)));
        Assert.Equal([c1], await IdsOfAsync(_otherInspector, new TaskListFilter(FromMyVisits: true, Search: "pintu")));
        Assert.Empty(await IdsOfAsync(_secretariat, new TaskListFilter(FromMyVisits: true)));
        Assert.Empty(await IdsOfAsync(_repair, new TaskListFilter(FromMyVisits: true)));
    }

    [Fact]
    public async Task SearchesDescriptionsAndRoomsIgnoringCaseAndTakesPercentAndUnderscoreLiterally()
    {
        var data = await ListDataAsync();

        Assert.Equal([data.A2], await IdsAsync(new TaskListFilter(Search: "%")));
        Assert.Equal([data.B1], await IdsAsync(new TaskListFilter(Search: "_")));
        Assert.Equal([data.A2], await IdsAsync(new TaskListFilter(Search: "100%")));
        Assert.Equal([data.B2], await IdsAsync(new TaskListFilter(Search: "tersumbat")));
        Assert.Equal([data.A2], await IdsAsync(new TaskListFilter(Search: "  KABEL ")));
        Assert.Equal([data.B1, data.B2], await IdsAsync(new TaskListFilter(Search: "kepala BAPPELITBANG")));
        Assert.Empty(await IdsAsync(new TaskListFilter(Search: "Kran%bocor")));
        Assert.Empty(await IdsAsync(new TaskListFilter(Search: "Kabel_100")));

        var searched = await _followUps.ListAsync(_secretariat, new TaskListFilter(Search: "disdukcapil", Status: FollowUpStatus.New));
        Assert.Equal([data.A2], searched.Rows.Select(r => r.Id));
        Assert.Equal(3, searched.CountsByStatus.Values.Sum());
    }

    [Fact]
    public async Task SortsByDueDateSeverityAndAgeAndKeepsPagesWithinBounds()
    {
        var data = await ListDataAsync();

        // A2's draft is due on its proposed date; B2 kept the one proposed before it was dismissed.
        Assert.Equal([data.A1, data.A2, data.B1, data.B2, data.A3], await IdsAsync(new TaskListFilter()));
        var bySeverity = await RowsAsync(new TaskListFilter(Sort: TaskSort.SeverityDesc));
        Assert.Equal([Severity.Critical, Severity.High, Severity.High, Severity.Medium, Severity.Low], bySeverity.Select(r => r.Severity));
        Assert.Equal([data.A2, data.B2, data.A3, data.B1, data.A1], bySeverity.Select(r => r.Id));
        var newest = await RowsAsync(new TaskListFilter(Sort: TaskSort.NewestFirst));
        Assert.Equal([_opdB.Name, _opdB.Name, _opdA.Name, _opdA.Name, _opdA.Name], newest.Select(r => r.OpdName));
        Assert.True(newest.Zip(newest.Skip(1)).All(p => p.First.OpenedAt >= p.Second.OpenedAt));
        var oldest = await RowsAsync(new TaskListFilter(Sort: TaskSort.OldestFirst));
        Assert.Equal(newest.Select(r => r.Id).Reverse(), oldest.Select(r => r.Id));

        // The same orders when a filter on the finding narrows the list, with and without a status.
        Assert.Equal([data.A2, data.A3, data.A1], await IdsAsync(new TaskListFilter(OpdId: _opdA.Id, Sort: TaskSort.SeverityDesc)));
        Assert.Equal([data.A3, data.A1], await IdsAsync(new TaskListFilter(OpdId: _opdA.Id, Status: FollowUpStatus.Assigned, Sort: TaskSort.SeverityDesc)));
        Assert.Equal([data.B2, data.A3], await IdsAsync(new TaskListFilter(Severity: Severity.High, Sort: TaskSort.SeverityDesc)));
        Assert.Equal(newest.Where(r => r.OpdName == _opdA.Name).Select(r => r.Id), await IdsAsync(new TaskListFilter(OpdId: _opdA.Id, Sort: TaskSort.NewestFirst)));
        Assert.Equal(oldest.Where(r => r.OpdName == _opdB.Name).Select(r => r.Id), await IdsAsync(new TaskListFilter(Search: "bappelitbang", Sort: TaskSort.OldestFirst)));
        var firstOfTwo = await IdsAsync(new TaskListFilter(BuildingId: data.AnnexBuilding, Status: FollowUpStatus.Assigned, Sort: TaskSort.OldestFirst, PageSize: 1));
        var secondOfTwo = await IdsAsync(new TaskListFilter(BuildingId: data.AnnexBuilding, Status: FollowUpStatus.Assigned, Sort: TaskSort.OldestFirst, PageSize: 1, Page: 2));
        Assert.Equal(oldest.Where(r => r.Id == data.A1 || r.Id == data.A3).Select(r => r.Id), firstOfTwo.Concat(secondOfTwo));

        var last = await _followUps.ListAsync(_secretariat, new TaskListFilter(PageSize: 2, Page: 3));
        Assert.Equal((3, 2, 5, 3), (last.Page, last.PageSize, last.Total, last.PageCount));
        Assert.Equal([data.A3], last.Rows.Select(r => r.Id));
        var beyond = await _followUps.ListAsync(_secretariat, new TaskListFilter(PageSize: 2, Page: 99));
        Assert.Equal(3, beyond.Page);
        Assert.Equal([data.A3], beyond.Rows.Select(r => r.Id));
        var before = await _followUps.ListAsync(_secretariat, new TaskListFilter(PageSize: 2, Page: 0));
        Assert.Equal(1, before.Page);
        Assert.Equal([data.A1, data.A2], before.Rows.Select(r => r.Id));
        Assert.Equal(1, (await _followUps.ListAsync(_secretariat, new TaskListFilter(PageSize: 0))).PageSize);
        Assert.Equal(100, (await _followUps.ListAsync(_secretariat, new TaskListFilter(PageSize: 5000))).PageSize);
        var none = await _followUps.ListAsync(_secretariat, new TaskListFilter(Search: "tidak ada yang cocok", Page: 4));
        Assert.Equal((1, 0, 1), (none.Page, none.Total, none.PageCount));
    }

    [Fact]
    public async Task ShowsARepairUnitOnlyTheTasksOfItsUnitAndLetsItActOnNoOther()
    {
        var data = await ListDataAsync();
        var staff = await RoomIdAsync(StaffRoom);
        var ownPhoto = await FindingPhotoAsync(data.A1);
        var foreignPhoto = await FindingPhotoAsync(data.A3);

        var list = await _followUps.ListAsync(_repair, new TaskListFilter());
        Assert.Equal([data.A1, data.B1], list.Rows.Select(r => r.Id));
        Assert.Equal(new Dictionary<FollowUpStatus, int> { [FollowUpStatus.Assigned] = 1, [FollowUpStatus.InProgress] = 1 }, list.CountsByStatus.OrderBy(c => c.Key).ToDictionary());
        Assert.Empty((await _followUps.ListAsync(_repair, new TaskListFilter(UnitId: _opdUnit))).Rows);
        Assert.Equal([data.A3], (await _followUps.ListAsync(_opdRepair, new TaskListFilter())).Rows.Select(r => r.Id));

        Assert.Equal(data.A1, (await _followUps.GetAsync(_repair, data.A1)).Id);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _followUps.GetAsync(_repair, data.A3))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _followUps.GetAsync(_repair, data.A2))).Code);
        Assert.Equal("task.notFound", (await Assert.ThrowsAsync<DomainException>(() => _followUps.GetAsync(_repair, Guid.CreateVersion7()))).Code);
        Assert.Equal([data.A1], (await _followUps.ForRoomAsync(_repair, staff)).Select(t => t.TaskId));
        Assert.Equal([data.A1, data.A2, data.A3], (await _followUps.ForRoomAsync(_inspector, staff)).Select(t => t.TaskId));
        Assert.NotNull(await _followUps.GetPhotoBytesAsync(_repair, ownPhoto, thumbnail: true));
        Assert.Null(await _followUps.GetPhotoBytesAsync(_repair, foreignPhoto, thumbnail: true));
        Assert.NotNull(await _followUps.GetPhotoBytesAsync(_opdRepair, foreignPhoto, thumbnail: false));
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _followUps.QueueAsync(_repair))).Code);

        var a3 = await _followUps.GetAsync(_secretariat, data.A3);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _followUps.StartWorkAsync(_repair, data.A3, a3.Version))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _followUps.CommentAsync(_repair, data.A3, a3.Version, "Kami kerjakan"))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _followUps.AddPhotoAsync(_repair, data.A3, PhotoKind.After, Processed()))).Code);
        var a1 = await _followUps.GetAsync(_repair, data.A1);
        Assert.Equal("task.forbidden", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AssignAsync(_repair, Assignment(data.A1, a1.Version, _technicalUnit)))).Code);

        // Moved to another unit: the old unit's tasks are gone at once, whatever the browser still holds.
        await using (var db = _database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == "pelaksana").ExecuteUpdateAsync(s => s.SetProperty(u => u.ResponsibleUnitId, _opdUnit));
        }

        Assert.Equal([data.A3], (await _followUps.ListAsync(_repair with { ResponsibleUnitId = _technicalUnit }, new TaskListFilter())).Rows.Select(r => r.Id));
        var after = await _followUps.GetAsync(_secretariat, data.A3);
        Assert.Equal(a3.Version, after.Version);
        Assert.Equal(FollowUpStatus.Assigned, after.Status);
    }

    [Fact]
    public async Task LetsLeadershipReadEverythingAndRefusesEveryChange()
    {
        var data = await ListDataAsync();
        var a1 = await _followUps.GetAsync(_secretariat, data.A1);
        var a1Done = await _followUps.MarkDoneAsync(_repair, data.A1, a1.Version, null);
        var a3 = await _followUps.GetAsync(_secretariat, data.A3);
        var b1 = await _followUps.GetAsync(_secretariat, data.B1);

        Assert.Equal(5, (await _followUps.ListAsync(_leadership, new TaskListFilter())).Total);
        var read = await _followUps.GetAsync(_leadership, data.A2);
        Assert.Empty(read.AllowedActions);
        Assert.False(read.MayComment || read.MayAddAfterPhotos || read.MayAddVerificationPhotos);
        Assert.Empty((await _followUps.GetAsync(_leadership, data.A1)).AllowedActions);
        Assert.Equal(3, (await _followUps.ForRoomAsync(_leadership, await RoomIdAsync(StaffRoom))).Count);
        Assert.NotNull(await _followUps.GetPhotoBytesAsync(_leadership, await FindingPhotoAsync(data.A3), thumbnail: true));
        Assert.Contains((await _followUps.GetOptionsAsync(_leadership)).Units, u => u.Id == _technicalUnit);

        // Each action on a task in a status that allows it, so that only the role can be the reason for refusing it.
        var refusals = new (string Code, Func<Task> Change)[]
        {
            ("task.forbidden", () => _followUps.AssignAsync(_leadership, Assignment(data.A2, read.Version, _technicalUnit))),
            ("task.forbidden", () => _followUps.BulkAssignAsync(_leadership, new BulkAssignRequest([new TaskVersion(data.A2, read.Version)], _technicalUnit, null, null, null))),
            ("task.forbidden", () => _followUps.DismissAsync(_leadership, data.A2, read.Version, "Tidak perlu")),
            ("task.mergeTarget", () => _followUps.MergeAsync(_leadership, data.A2, read.Version, data.A1)),
            ("task.forbidden", () => _followUps.StartWorkAsync(_leadership, data.A3, a3.Version)),
            ("task.forbidden", () => _followUps.MarkDoneAsync(_leadership, data.B1, b1.Version, null)),
            ("task.forbidden", () => _followUps.HandBackAsync(_leadership, data.B1, b1.Version, HandBackReason.NotOurs, "Bukan kami")),
            ("task.forbidden", () => _followUps.RejectAsync(_leadership, data.A1, a1Done.Task.Version, "Belum")),
            ("task.forbidden", () => _followUps.CommentAsync(_leadership, data.B1, b1.Version, "Mohon dipercepat")),
            ("task.photoNotNow", () => _followUps.AddPhotoAsync(_leadership, data.A1, PhotoKind.Verification, Processed())),
            ("task.photoNotNow", () => _followUps.AddPhotoAsync(_leadership, data.B1, PhotoKind.After, Processed())),
            (VisitAccess.DeniedCode, () => _followUps.QueueAsync(_leadership)),
        };
        foreach (var (code, change) in refusals)
        {
            Assert.Equal(code, (await Assert.ThrowsAsync<DomainException>(change)).Code);
        }

        await _followUps.AddPhotoAsync(_inspector, data.A1, PhotoKind.Verification, Processed());
        Assert.Equal("task.forbidden", (await Assert.ThrowsAsync<DomainException>(() => _followUps.VerifyAsync(_leadership, data.A1, a1Done.Task.Version, null))).Code);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.FollowUpTaskEvents.AnyAsync(e => e.ByUserId == "pimpinan"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.UserId == "pimpinan"));
        var unchanged = await db.FollowUpTasks.Where(t => t.Id == data.A2 || t.Id == data.A1).OrderBy(t => t.Status).Select(t => new { t.Status, t.Version }).ToListAsync();
        Assert.Equal([(FollowUpStatus.New, read.Version), (FollowUpStatus.Done, a1Done.Task.Version)], unchanged.Select(t => (t.Status, t.Version)).OrderBy(t => t.Status));
    }

    [Fact]
    public async Task RefusesAnAssignmentDueInThePastToAnInactiveUnitOrToSomeoneOutsideTheUnit()
    {
        var (task, version) = (await DraftsAsync(("Tirai jendela sobek", Severity.Low))).Single();
        await using (var db = _database.CreateDbContext())
        {
            var inactive = new ResponsibleUnit("Unit lama", ResponsibleUnitKind.TechnicalUnit);
            db.ResponsibleUnits.Add(inactive);
            await db.SaveChangesAsync();
            await db.ResponsibleUnits.Where(u => u.Id == inactive.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));

            var options = await _followUps.GetOptionsAsync(_secretariat);
            Assert.DoesNotContain(options.Units, u => u.Id == inactive.Id);
            Assert.Equal(["Nama pelaksana", "Nama pelaksana2"], options.Units.Single(u => u.Id == _technicalUnit).Members.Select(m => m.Text));

            Assert.Equal("task.dueInPast", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit, due: Today.AddDays(-1))))).Code);
            Assert.Equal("task.unit", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AssignAsync(_secretariat, Assignment(task, version, inactive.Id)))).Code);
            Assert.Equal("task.unit", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AssignAsync(_secretariat, Assignment(task, version, Guid.CreateVersion7())))).Code);
            Assert.Equal("task.assignee", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit, "pelaksana-opd")))).Code);
            Assert.Equal("task.assignee", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit, "sekretariat2")))).Code);
            Assert.Equal("task.unit", (await Assert.ThrowsAsync<DomainException>(() => _followUps.BulkAssignAsync(_secretariat, new BulkAssignRequest([new TaskVersion(task, version)], inactive.Id, null, null, null)))).Code);
            var unchanged = await db.FollowUpTasks.SingleAsync(t => t.Id == task);
            Assert.Equal((FollowUpStatus.New, version), (unchanged.Status, unchanged.Version));
            Assert.False(await db.Notifications.AnyAsync());
        }

        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit, "pelaksana2", due: Today));
        Assert.False(assigned.IsConflict);
        Assert.Equal((FollowUpStatus.Assigned, _technicalUnit, "pelaksana2", "Nama pelaksana2", Today, version + 1), (assigned.Task.Status, assigned.Task.UnitId, assigned.Task.AssigneeId, assigned.Task.AssigneeName, assigned.Task.DueDate, assigned.Task.Version));
    }

    [Fact]
    public async Task BulkAssignsEveryTaskOrNoneWhenOneOfThemChangedMeanwhile()
    {
        var drafts = await DraftsAsync(("Tirai jendela sobek", Severity.Low), ("Kabel terkelupas", Severity.Critical), ("Lantai licin", Severity.Medium));
        var changed = drafts[1];
        await _followUps.CommentAsync(_otherSecretariat, changed.Id, changed.Version, "Perlu dicek dulu");
        await _followUps.AssignAsync(_otherSecretariat, Assignment(changed.Id, changed.Version, _opdUnit));

        var refused = await _followUps.BulkAssignAsync(_secretariat, new BulkAssignRequest(drafts.Select(d => new TaskVersion(d.Id, d.Version)).ToList(), _technicalUnit, "pelaksana", TaskPriority.High, null));

        Assert.Equal(0, refused.Assigned);
        Assert.Equal([changed.Id], refused.Conflicts);
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.FollowUpTasks.CountAsync(t => t.Status == FollowUpStatus.New && t.ResponsibleUnitId == null));
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == "pelaksana"));
        Assert.Equal("task.bulkEmpty", (await Assert.ThrowsAsync<DomainException>(() => _followUps.BulkAssignAsync(_secretariat, new BulkAssignRequest([], _technicalUnit, null, null, null)))).Code);

        // A closed task among them refuses the whole bulk; the task assigned meanwhile may be assigned again.
        var current = drafts.Select(d => d.Id == changed.Id ? new TaskVersion(d.Id, d.Version + 1) : new TaskVersion(d.Id, d.Version)).ToList();
        var dismissed = await DraftsAsync(("Cat dinding mengelupas", Severity.Low));
        await _followUps.DismissAsync(_secretariat, dismissed[0].Id, dismissed[0].Version, "Sudah dicat ulang");
        var withClosed = await Assert.ThrowsAsync<DomainException>(() => _followUps.BulkAssignAsync(_secretariat, new BulkAssignRequest([.. current, new TaskVersion(dismissed[0].Id, dismissed[0].Version + 1)], _technicalUnit, null, null, null)));
        Assert.Equal("task.transition", withClosed.Code);
        Assert.Equal(2, await db.FollowUpTasks.CountAsync(t => t.Status == FollowUpStatus.New && t.ResponsibleUnitId == null));

        var done = await _followUps.BulkAssignAsync(_secretariat, new BulkAssignRequest(current, _technicalUnit, "pelaksana", null, null));

        Assert.Equal((3, 0), (done.Assigned, done.Conflicts.Count));
        var tasks = await db.FollowUpTasks.Join(db.Findings, t => t.FindingId, f => f.Id, (t, f) => new { t.Id, f.Description, t.Status, t.ResponsibleUnitId, t.AssigneeId, t.DueDate, t.Priority })
            .Where(t => t.Status == FollowUpStatus.Assigned).ToListAsync();
        Assert.All(tasks, t => Assert.Equal((_technicalUnit, "pelaksana"), (t.ResponsibleUnitId!.Value, t.AssigneeId)));
        // Without a due date in the request, each task keeps its own: the proposed one, or the one it was assigned with.
        Assert.Equal(Today.AddDays(30), tasks.Single(t => t.Description == "Tirai jendela sobek").DueDate);
        Assert.Equal(Today.AddDays(14), tasks.Single(t => t.Description == "Lantai licin").DueDate);
        Assert.Equal(Today.AddDays(7), tasks.Single(t => t.Description == "Kabel terkelupas").DueDate);
        Assert.Equal(TaskPriority.Urgent, tasks.Single(t => t.Description == "Kabel terkelupas").Priority);
        Assert.Equal(3, await db.Notifications.CountAsync(n => n.UserId == "pelaksana2" && n.Kind == NotificationKind.TaskAssigned));
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == "sekretariat"));
    }

    [Fact]
    public async Task ShowsTheSecondSecretariatUserAConflictInsteadOfOverwritingTheFirstsAssignment()
    {
        var (task, version) = (await DraftsAsync(("Kabel terkelupas", Severity.Critical))).Single();
        var seenByFirst = await _followUps.GetAsync(_secretariat, task);
        var seenBySecond = await _followUps.GetAsync(_otherSecretariat, task);

        var first = await _followUps.AssignAsync(_secretariat, Assignment(task, seenByFirst.Version, _technicalUnit, "pelaksana"));
        var second = await _followUps.AssignAsync(_otherSecretariat, Assignment(task, seenBySecond.Version, _opdUnit, "pelaksana-opd", TaskPriority.Low));

        Assert.False(first.IsConflict);
        Assert.True(second.IsConflict);
        Assert.Equal((FollowUpStatus.Assigned, _technicalUnit, "pelaksana", TaskPriority.Urgent, version + 1), (second.Task.Status, second.Task.UnitId, second.Task.AssigneeId, second.Task.Priority, second.Task.Version));
        Assert.Equal(FollowUpAction.Assign, second.Task.Timeline[^1].Action);
        Assert.Equal("Nama sekretariat", second.Task.Timeline[^1].ByName);
        await using var db = _database.CreateDbContext();
        Assert.Equal(_technicalUnit, (await db.FollowUpTasks.SingleAsync(t => t.Id == task)).ResponsibleUnitId);
        Assert.Equal(1, await db.FollowUpTaskEvents.CountAsync(e => e.TaskId == task && e.Action == FollowUpAction.Assign));
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == "pelaksana-opd"));

        var retried = await _followUps.AssignAsync(_otherSecretariat, Assignment(task, second.Task.Version, _opdUnit, "pelaksana-opd", TaskPriority.Low));
        Assert.False(retried.IsConflict);
        Assert.Equal(_opdUnit, retried.Task.UnitId);
    }

    [Fact]
    public async Task TurnsARaceLostAtTheDatabaseIntoAConflictWithTheWinnersState()
    {
        var (task, version) = (await DraftsAsync(("Kabel terkelupas", Severity.Critical))).Single();
        var racing = new RacingContexts(_database);
        var loser = new FollowUpService(racing, new TemplateCache(_database), Options.Create(new DueDays()), _clock);

        // The loser has read version N and passed the version check when the winner saves version N + 1.
        racing.BeforeFirstSave = () => _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit, "pelaksana"));
        var lost = await loser.AssignAsync(_otherSecretariat, Assignment(task, version, _opdUnit, "pelaksana-opd"));

        Assert.True(racing.Raced);
        Assert.True(lost.IsConflict);
        Assert.Equal((_technicalUnit, "pelaksana", version + 1), (lost.Task.UnitId, lost.Task.AssigneeId, lost.Task.Version));
        await using var db = _database.CreateDbContext();
        Assert.Equal(_technicalUnit, (await db.FollowUpTasks.SingleAsync(t => t.Id == task)).ResponsibleUnitId);
        Assert.Equal(1, await db.FollowUpTaskEvents.CountAsync(e => e.TaskId == task && e.Action == FollowUpAction.Assign));
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == "pelaksana-opd"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.UserId == "sekretariat2"));
    }

    [Fact]
    public async Task MergesARepeatFindingOnlyIntoAnOpenTaskOfTheSameRoomAndItemEvenOfAnOlderTemplateVersion()
    {
        var staff = await RoomIdAsync(StaffRoom);
        await VisitAsync(_opdA, async v =>
        {
            await ReadingAsync(v, staff, "HEAT-WORK", 31);
            await ReadingAsync(v, staff, "VEN-AIRSPEED", 1);
        });
        var first = await TaskAsync(d => d.StartsWith("Suhu ruang kerja: 31", StringComparison.Ordinal));
        var otherItem = await TaskAsync(d => !d.StartsWith("Suhu", StringComparison.Ordinal));
        var firstAssigned = await _followUps.AssignAsync(_secretariat, Assignment(first, await VersionAsync(first), _technicalUnit));
        await PublishNextTemplateVersionAsync();

        _clock.Advance(TimeSpan.FromDays(7));
        var otherRoom = await RoomIdAsync("Ruang Kepala Disdukcapil");
        await VisitAsync(_opdA, async v =>
        {
            await ReadingAsync(v, staff, "HEAT-WORK", 32);
            await ReadingAsync(v, otherRoom, "HEAT-WORK", 33);
        });
        var repeat = await TaskAsync(d => d.StartsWith("Suhu ruang kerja: 32", StringComparison.Ordinal));
        var elsewhere = await TaskAsync(d => d.StartsWith("Suhu ruang kerja: 33", StringComparison.Ordinal));

        var queued = (await _followUps.QueueAsync(_secretariat)).Items.Single(i => i.TaskId == repeat);
        Assert.Equal([first], queued.MergeCandidates.Select(c => c.TaskId));
        Assert.Equal((FollowUpStatus.Assigned, SampleRegistry.TechnicalUnitName, new DateOnly(2026, 11, 16)), (queued.MergeCandidates[0].Status, queued.MergeCandidates[0].UnitName, queued.MergeCandidates[0].FoundOn));
        var repeatVersion = queued.Version;
        Assert.Equal("task.mergeTarget", (await Assert.ThrowsAsync<DomainException>(() => _followUps.MergeAsync(_secretariat, repeat, repeatVersion, elsewhere))).Code);
        Assert.Equal("task.mergeTarget", (await Assert.ThrowsAsync<DomainException>(() => _followUps.MergeAsync(_secretariat, repeat, repeatVersion, otherItem))).Code);
        Assert.Equal("task.mergeTarget", (await Assert.ThrowsAsync<DomainException>(() => _followUps.MergeAsync(_secretariat, repeat, repeatVersion, repeat))).Code);
        Assert.Equal("task.notFound", (await Assert.ThrowsAsync<DomainException>(() => _followUps.MergeAsync(_secretariat, repeat, repeatVersion, Guid.CreateVersion7()))).Code);

        var merged = await _followUps.MergeAsync(_secretariat, repeat, repeatVersion, first);

        Assert.Equal((FollowUpStatus.Merged, first), (merged.Task.Status, merged.Task.MergedIntoTaskId));
        Assert.Equal("task.merged", (await Assert.ThrowsAsync<DomainException>(() => _followUps.CommentAsync(_secretariat, repeat, merged.Task.Version, "Catatan"))).Code);
        var target = await _followUps.GetAsync(_secretariat, first);
        Assert.Equal([merged.Task.Finding.Id], target.RepeatFindings.Select(f => f.Id));
        Assert.Equal(32m, target.RepeatFindings[0].Value);
        Assert.DoesNotContain((await _followUps.QueueAsync(_secretariat)).Items, i => i.TaskId == repeat);

        await RepairAsync(first, firstAssigned.Task.Version);
        await VerifyWithPhotoAsync(first);

        await using var db = _database.CreateDbContext();
        Assert.Equal(
            [FindingStatus.Resolved, FindingStatus.Resolved],
            await db.Findings.Where(f => db.FollowUpTasks.Any(t => t.FindingId == f.Id && (t.Id == first || t.Id == repeat))).Select(f => f.Status).ToListAsync());
        Assert.Equal(FindingStatus.Open, await db.Findings.Where(f => db.FollowUpTasks.Any(t => t.FindingId == f.Id && t.Id == elsewhere)).Select(f => f.Status).SingleAsync());
    }

    [Fact]
    public async Task ResolvesDraftsMergedIntoADraftThatWasMergedOnWithTheTaskThatRepairsThemAll()
    {
        var staff = await RoomIdAsync(StaffRoom);
        var tasks = new List<Guid>();
        foreach (var reading in new[] { 31, 32, 33 })
        {
            await VisitAsync(_opdA, v => ReadingAsync(v, staff, "HEAT-WORK", reading));
            tasks.Add(await TaskAsync(d => d.StartsWith($"Suhu ruang kerja: {reading}", StringComparison.Ordinal)));
            _clock.Advance(TimeSpan.FromDays(7));
        }

        // The newest draft joins the middle one, which then joins the oldest.
        await _followUps.MergeAsync(_secretariat, tasks[2], await VersionAsync(tasks[2]), tasks[1]);
        await _followUps.MergeAsync(_secretariat, tasks[1], await VersionAsync(tasks[1]), tasks[0]);
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(tasks[0], await VersionAsync(tasks[0]), _technicalUnit));
        Assert.Equal(2, assigned.Task.RepeatFindings.Count);
        await RepairAsync(tasks[0], assigned.Task.Version);
        await VerifyWithPhotoAsync(tasks[0]);

        await using var db = _database.CreateDbContext();
        Assert.Equal(3, await db.Findings.CountAsync(f => f.Status == FindingStatus.Resolved));
    }

    [Fact]
    public async Task VerifiesOnlyWithAVerificationPhotoAddedSinceTheRepairWasMarkedDone()
    {
        var (task, version) = (await DraftsAsync(("Kabel terkelupas", Severity.Critical))).Single();
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit));
        Assert.Equal("task.photoNotNow", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AddPhotoAsync(_secretariat, task, PhotoKind.After, Processed()))).Code);
        Assert.Equal("task.photoNotNow", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AddPhotoAsync(_inspector, task, PhotoKind.Verification, Processed()))).Code);
        var after = await _followUps.AddPhotoAsync(_repair, task, PhotoKind.After, Processed());
        Assert.Equal("task.photoNotNow", (await Assert.ThrowsAsync<DomainException>(() => _followUps.RemovePhotoAsync(_otherRepair, task, after.Id))).Code);
        _clock.Advance(TimeSpan.FromHours(1));
        var done = await _followUps.MarkDoneAsync(_repair, task, assigned.Task.Version, "Kabel diganti");
        Assert.Equal([after.Id], done.Task.AfterPhotos.Select(p => p.Id));
        Assert.Equal("task.photoNotNow", (await Assert.ThrowsAsync<DomainException>(() => _followUps.AddPhotoAsync(_repair, task, PhotoKind.After, Processed()))).Code);
        Assert.True((await _followUps.GetAsync(_inspector, task)).MayAddVerificationPhotos);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("task.verifyPhoto", (await Assert.ThrowsAsync<DomainException>(() => _followUps.VerifyAsync(_inspector, task, done.Task.Version, "Sudah baik"))).Code);
        var early = await _followUps.AddPhotoAsync(_inspector, task, PhotoKind.Verification, Processed());
        _clock.Advance(TimeSpan.FromHours(1));
        var rejected = await _followUps.RejectAsync(_inspector, task, done.Task.Version, "Kabel masih terbuka di ujung");
        _clock.Advance(TimeSpan.FromDays(1));
        var doneAgain = await _followUps.MarkDoneAsync(_repair, task, rejected.Task.Version, "Ujung kabel ditutup");

        // The photo from before the rejection shows the old repair, not this one.
        Assert.Equal([early.Id], doneAgain.Task.VerificationPhotos.Select(p => p.Id));
        Assert.Equal("task.verifyPhoto", (await Assert.ThrowsAsync<DomainException>(() => _followUps.VerifyAsync(_inspector, task, doneAgain.Task.Version, null))).Code);
        _clock.Advance(TimeSpan.FromHours(1));
        await _followUps.AddPhotoAsync(_otherInspector, task, PhotoKind.Verification, Processed());
        var verified = await _followUps.VerifyAsync(_inspector, task, doneAgain.Task.Version, "Sudah baik");

        Assert.Equal(FollowUpStatus.Verified, verified.Task.Status);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, verified.Task.ClosedAt);
        Assert.Equal(
            [FollowUpAction.Draft, FollowUpAction.Assign, FollowUpAction.MarkDone, FollowUpAction.RejectVerification, FollowUpAction.MarkDone, FollowUpAction.Verify],
            verified.Task.Timeline.Where(e => e.Kind == TimelineKind.Event).Select(e => e.Action!.Value));
        Assert.Equal(TimelineKind.Found, verified.Task.Timeline[0].Kind);
        Assert.Equal(3, verified.Task.Timeline.Count(e => e.Kind == TimelineKind.Photo));
        Assert.Equal("task.photoNotNow", (await Assert.ThrowsAsync<DomainException>(() => _followUps.RemovePhotoAsync(_otherInspector, task, verified.Task.VerificationPhotos[^1].Id))).Code);
    }

    [Fact]
    public async Task RejectingReopensTheTaskAndNotifiesTheUnit()
    {
        var (task, version) = (await DraftsAsync(("Kabel terkelupas", Severity.Critical))).Single();
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit, "pelaksana"));
        var done = await _followUps.MarkDoneAsync(_repair, task, assigned.Task.Version, null);

        var rejected = await _followUps.RejectAsync(_otherInspector, task, done.Task.Version, "Masih terkelupas");

        Assert.Equal(FollowUpStatus.InProgress, rejected.Task.Status);
        Assert.Equal("Masih terkelupas", rejected.Task.Timeline[^1].Note);
        Assert.Equal([FollowUpAction.MarkDone, FollowUpAction.HandBack], (await _followUps.GetAsync(_repair, task)).AllowedActions);
        Assert.Equal(["pelaksana", "pelaksana2"], await RecipientsAsync(task, NotificationKind.VerificationRejected));
        Assert.Equal("task.reason", (await Assert.ThrowsAsync<DomainException>(() => _followUps.RejectAsync(_inspector, task, rejected.Task.Version, " "))).Code);
    }

    [Fact]
    public async Task ResolvesAFindingWhenItsTaskIsVerifiedAndDismissesItWithItsTask()
    {
        var drafts = await DraftsAsync(("Kabel terkelupas", Severity.Critical), ("Tirai jendela sobek", Severity.Low));
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(drafts[0].Id, drafts[0].Version, _technicalUnit));
        await RepairAsync(drafts[0].Id, assigned.Task.Version);
        await using var db = _database.CreateDbContext();
        Assert.Equal(FindingStatus.Open, await FindingStatusAsync(db, drafts[0].Id));

        await VerifyWithPhotoAsync(drafts[0].Id);
        var dismissed = await _followUps.DismissAsync(_secretariat, drafts[1].Id, drafts[1].Version, "Tirai milik penyewa");

        Assert.Equal(FindingStatus.Resolved, await FindingStatusAsync(db, drafts[0].Id));
        Assert.Equal(FindingStatus.Dismissed, await FindingStatusAsync(db, drafts[1].Id));
        Assert.Equal(FindingStatus.Dismissed, dismissed.Task.Finding.Status);
        Assert.Equal("Tirai milik penyewa", await db.Findings.Where(f => db.FollowUpTasks.Any(t => t.FindingId == f.Id && t.Id == drafts[1].Id)).Select(f => f.DismissReason).SingleAsync());
        var verified = await _followUps.GetAsync(_secretariat, drafts[0].Id);
        Assert.Equal("task.transition", (await Assert.ThrowsAsync<DomainException>(() => _followUps.DismissAsync(_secretariat, drafts[0].Id, verified.Version, "Terlambat"))).Code);
        Assert.Equal(FindingStatus.Resolved, await FindingStatusAsync(db, drafts[0].Id));
    }

    [Fact]
    public async Task NotifiesTheRightPeopleOfEachChangeButNeverTheActor()
    {
        var staff = await RoomIdAsync(StaffRoom);
        await VisitAsync(_opdA, v => AdHocAsync(v, staff, InspectionArea.Safety, Severity.Critical, "Kabel terkelupas"), team: ["peninjau2"]);
        var task = await TaskAsync(d => d == "Kabel terkelupas");
        await using (var db = _database.CreateDbContext())
        {
            // The second technical-unit member also works in the secretariat: their own hand-back is no news to them.
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = "pelaksana2", RoleId = await db.Roles.Where(r => r.Name == Roles.Secretariat).Select(r => r.Id).SingleAsync() });
            await db.SaveChangesAsync();
        }

        var both = new Actor("pelaksana2", new HashSet<string> { Roles.RepairUnit, Roles.Secretariat });

        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(task, await VersionAsync(task), _technicalUnit));
        Assert.Equal(["pelaksana", "pelaksana2"], await RecipientsAsync(task, NotificationKind.TaskAssigned));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var handedBack = await _followUps.HandBackAsync(both, task, assigned.Task.Version, HandBackReason.NeedsClarification, "Kabel yang mana?");
        Assert.Equal(["sekretariat", "sekretariat2"], await RecipientsAsync(task, NotificationKind.TaskHandedBack));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var again = await _followUps.AssignAsync(both, Assignment(task, handedBack.Task.Version, _technicalUnit, "pelaksana"));
        Assert.Equal(["pelaksana", "pelaksana", "pelaksana2"], await RecipientsAsync(task, NotificationKind.TaskAssigned));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var done = await _followUps.MarkDoneAsync(_repair, task, again.Task.Version, "Sudah dibungkus");
        Assert.Equal(["peninjau", "peninjau2"], await RecipientsAsync(task, NotificationKind.WaitingVerification));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _followUps.RejectAsync(_inspector, task, done.Task.Version, "Masih terbuka");
        Assert.Equal(["pelaksana", "pelaksana2"], await RecipientsAsync(task, NotificationKind.VerificationRejected));

        var bell = await _notifications.ListAsync(_repair);
        Assert.Equal([NotificationKind.VerificationRejected, NotificationKind.TaskAssigned, NotificationKind.TaskAssigned], bell.Select(n => n.Kind));
        Assert.All(bell, n => Assert.Equal((task, "Kabel terkelupas", StaffRoom, _opdA.Name), (n.TaskId, n.Description, n.RoomName, n.OpdName)));
        Assert.Empty(await _notifications.ListAsync(_admin));
    }

    [Fact]
    public async Task TellsTheSecretariatWhenNoInspectorOfTheVisitIsLeftToVerify()
    {
        var (task, version) = (await DraftsAsync(("Kabel terkelupas", Severity.Critical))).Single();
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit));
        await using (var db = _database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == "peninjau").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        await _followUps.MarkDoneAsync(_repair, task, assigned.Task.Version, null);

        Assert.Equal(["sekretariat", "sekretariat2"], await RecipientsAsync(task, NotificationKind.WaitingVerification));
    }

    [Fact]
    public async Task HandsBackWithAReasonThatTheQueueShowsFirstUntilTheTaskIsAssignedAgain()
    {
        var drafts = await DraftsAsync(("Kabel terkelupas", Severity.Critical), ("Tirai jendela sobek", Severity.Low));
        var low = drafts[1];
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(low.Id, low.Version, _technicalUnit));
        var started = await _followUps.StartWorkAsync(_repair, low.Id, assigned.Task.Version);

        var handedBack = await _followUps.HandBackAsync(_repair, low.Id, started.Task.Version, HandBackReason.NeedsBudget, "Perlu anggaran perubahan");

        Assert.Equal((FollowUpStatus.HandedBack, HandBackReason.NeedsBudget), (handedBack.Task.Status, handedBack.Task.HandBackReason));
        Assert.Equal(HandBackReason.NeedsBudget, handedBack.Task.Timeline[^1].HandBackReason);
        var queue = await _followUps.QueueAsync(_secretariat);
        Assert.Equal(2, queue.Total);
        Assert.Equal([low.Id, drafts[0].Id], queue.Items.Select(i => i.TaskId));
        var waiting = queue.Items[0];
        Assert.Equal((HandBackReason.NeedsBudget, "Perlu anggaran perubahan", SampleRegistry.TechnicalUnitName), (waiting.HandBackReason, waiting.HandBackNote, waiting.PreviousUnitName));
        Assert.Equal([low.Id], (await _followUps.ListAsync(_repair, new TaskListFilter())).Rows.Select(r => r.Id));
        Assert.Empty((await _followUps.GetAsync(_repair, low.Id)).AllowedActions);
        Assert.Equal("task.reason", (await Assert.ThrowsAsync<DomainException>(() => _followUps.HandBackAsync(_repair, low.Id, handedBack.Task.Version, HandBackReason.NotOurs, " "))).Code);

        var reassigned = await _followUps.AssignAsync(_secretariat, Assignment(low.Id, handedBack.Task.Version, _opdUnit));

        Assert.Null(reassigned.Task.HandBackReason);
        Assert.Equal([drafts[0].Id], (await _followUps.QueueAsync(_secretariat)).Items.Select(i => i.TaskId));
        await using var db = _database.CreateDbContext();
        Assert.Equal(HandBackReason.NeedsBudget, await db.FollowUpTaskEvents.Where(e => e.TaskId == low.Id && e.Action == FollowUpAction.HandBack).Select(e => e.HandBackReason).SingleAsync());
    }

    [Fact]
    public async Task TakesCommentsFromTheUnitAndTheVerifiersOnTheTimelineWithoutChangingTheTask()
    {
        var (task, version) = (await DraftsAsync(("Kabel terkelupas", Severity.Critical))).Single();
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit));

        await _followUps.CommentAsync(_repair, task, assigned.Task.Version, "Suku cadang dipesan");
        var commented = await _followUps.CommentAsync(_inspector, task, assigned.Task.Version, "Akan dicek Jumat");

        Assert.Equal((FollowUpStatus.Assigned, assigned.Task.Version), (commented.Task.Status, commented.Task.Version));
        Assert.Equal(
            [("Nama pelaksana", "Suku cadang dipesan"), ("Nama peninjau", "Akan dicek Jumat")],
            commented.Task.Timeline.Where(e => e.Action == FollowUpAction.Comment).Select(e => (e.ByName, e.Note!)));
        Assert.Equal("task.forbidden", (await Assert.ThrowsAsync<DomainException>(() => _followUps.CommentAsync(_leadership, task, assigned.Task.Version, "Kapan?"))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _followUps.CommentAsync(_opdRepair, task, assigned.Task.Version, "Kapan?"))).Code);
        Assert.True((await _followUps.CommentAsync(_secretariat, task, version, "Versi lama")).IsConflict);
    }

    [Fact]
    public async Task MakesDueSoonAndOverdueRemindersOncePerDueDate()
    {
        var drafts = await DraftsAsync(("Kabel terkelupas", Severity.Critical), ("Tirai jendela sobek", Severity.Low), ("Lantai licin", Severity.Medium));
        var (soon, later, handedBack) = (drafts[0], drafts[1], drafts[2]);
        var soonAssigned = await _followUps.AssignAsync(_secretariat, Assignment(soon.Id, soon.Version, _technicalUnit, due: Today.AddDays(2)));
        await _followUps.AssignAsync(_secretariat, Assignment(later.Id, later.Version, _technicalUnit, due: Today.AddDays(7)));
        var toHandBack = await _followUps.AssignAsync(_secretariat, Assignment(handedBack.Id, handedBack.Version, _opdUnit, due: Today.AddDays(1)));
        await _followUps.HandBackAsync(_opdRepair, handedBack.Id, toHandBack.Task.Version, HandBackReason.NotOurs, "Wewenang Bagian Umum");

        Assert.Equal(2, await _notifications.CreateDueRemindersAsync());
        Assert.Equal(0, await _notifications.CreateDueRemindersAsync());
        Assert.Equal(["pelaksana", "pelaksana2"], await RecipientsAsync(soon.Id, NotificationKind.TaskDueSoon));
        Assert.Empty(await RecipientsAsync(handedBack.Id, NotificationKind.TaskDueSoon));

        // Thursday: the first task is a day overdue, the handed-back one two days.
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(4 + 3, await _notifications.CreateDueRemindersAsync());
        Assert.Equal(0, await _notifications.CreateDueRemindersAsync());
        Assert.Equal(["pelaksana", "pelaksana2", "sekretariat", "sekretariat2"], await RecipientsAsync(soon.Id, NotificationKind.TaskOverdue));
        Assert.Equal(["pelaksana-opd", "sekretariat", "sekretariat2"], await RecipientsAsync(handedBack.Id, NotificationKind.TaskOverdue));
        Assert.Empty(await RecipientsAsync(later.Id, NotificationKind.TaskDueSoon));

        // A new due date is a new reminder; on Saturday it is overdue again, and the later task is due within two days.
        var current = await _followUps.GetAsync(_secretariat, soon.Id);
        Assert.Equal(soonAssigned.Task.Version, current.Version);
        await _followUps.AssignAsync(_secretariat, Assignment(soon.Id, current.Version, _technicalUnit, due: Today.AddDays(1)));
        Assert.Equal(2, await _notifications.CreateDueRemindersAsync());
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(4 + 2, await _notifications.CreateDueRemindersAsync());
        Assert.Equal(0, await _notifications.CreateDueRemindersAsync());
        await using var db = _database.CreateDbContext();
        Assert.Equal(
            [(NotificationKind.TaskDueSoon, new DateOnly(2026, 11, 18)), (NotificationKind.TaskDueSoon, new DateOnly(2026, 11, 20)), (NotificationKind.TaskOverdue, new DateOnly(2026, 11, 18)), (NotificationKind.TaskOverdue, new DateOnly(2026, 11, 20))],
            (await db.Notifications.Where(n => n.TaskId == soon.Id && n.UserId == "pelaksana" && n.Kind != NotificationKind.TaskAssigned).Select(n => new { n.Kind, n.DueDate }).ToListAsync())
                .Select(n => (n.Kind, n.DueDate!.Value)).Order());
        Assert.Equal(["pelaksana", "pelaksana2"], await RecipientsAsync(later.Id, NotificationKind.TaskDueSoon));
    }

    [Fact]
    public async Task RemindsOfNoTaskThatFellDueMoreThanAWeekAgo()
    {
        var drafts = await DraftsAsync(("Kabel terkelupas", Severity.Critical), ("Tirai jendela sobek", Severity.Low));
        await _followUps.AssignAsync(_secretariat, Assignment(drafts[0].Id, drafts[0].Version, _technicalUnit, due: Today.AddDays(5)));
        await _followUps.AssignAsync(_secretariat, Assignment(drafts[1].Id, drafts[1].Version, _technicalUnit, due: Today.AddDays(10)));

        _clock.Advance(TimeSpan.FromDays(5 + NotificationService.OverdueRemindedForDays + 1));

        Assert.Equal(4, await _notifications.CreateDueRemindersAsync());
        Assert.Empty(await RecipientsAsync(drafts[0].Id, NotificationKind.TaskOverdue));
        Assert.Equal(["pelaksana", "pelaksana2", "sekretariat", "sekretariat2"], await RecipientsAsync(drafts[1].Id, NotificationKind.TaskOverdue));
    }

    [Fact]
    public async Task KeepsEachUsersBellToThemselvesAndMarksEntriesRead()
    {
        var drafts = await DraftsAsync(("Kabel terkelupas", Severity.Critical), ("Tirai jendela sobek", Severity.Low));
        foreach (var (id, version) in drafts)
        {
            await _followUps.AssignAsync(_secretariat, Assignment(id, version, _technicalUnit));
            _clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(2, await _notifications.UnreadCountAsync(_repair));
        Assert.Equal(0, await _notifications.UnreadCountAsync(_opdRepair));
        var bell = await _notifications.ListAsync(_repair);
        Assert.Equal([drafts[1].Id, drafts[0].Id], bell.Select(n => n.TaskId));
        Assert.All(bell, n => Assert.False(n.IsRead));

        await _notifications.MarkReadAsync(_otherRepair, bell[0].Id);
        Assert.Equal(2, await _notifications.UnreadCountAsync(_repair));
        await _notifications.MarkReadAsync(_repair, bell[0].Id);
        await _notifications.MarkReadAsync(_repair, bell[0].Id);
        Assert.Equal(1, await _notifications.UnreadCountAsync(_repair));
        Assert.Equal([(drafts[0].Id, false), (drafts[1].Id, true)], (await _notifications.ListAsync(_repair)).Select(n => (n.TaskId, n.IsRead)));
        Assert.Equal(2, await _notifications.UnreadCountAsync(_otherRepair));

        await _notifications.MarkAllReadAsync(_repair);
        Assert.Equal(0, await _notifications.UnreadCountAsync(_repair));
        Assert.Equal(2, await _notifications.UnreadCountAsync(_otherRepair));
    }

    [Fact]
    public async Task WritesEveryChangeToTheAuditLogButNotTheNotifications()
    {
        var (task, version) = (await DraftsAsync(("Kabel terkelupas", Severity.Critical))).Single();

        var minute = TimeSpan.FromMinutes(1);
        _clock.Advance(minute);
        var assigned = await _followUps.AssignAsync(_secretariat, Assignment(task, version, _technicalUnit));
        _clock.Advance(minute);
        var started = await _followUps.StartWorkAsync(_repair, task, assigned.Task.Version);
        _clock.Advance(minute);
        await _followUps.CommentAsync(_otherRepair, task, started.Task.Version, "Kabel dipesan");
        _clock.Advance(minute);
        var done = await _followUps.MarkDoneAsync(_repair, task, started.Task.Version, "Diganti");
        _clock.Advance(minute);
        await _followUps.AddPhotoAsync(_inspector, task, PhotoKind.Verification, Processed());
        _clock.Advance(minute);
        await _followUps.VerifyAsync(_inspector, task, done.Task.Version, null);

        await using var db = _database.CreateDbContext();
        var key = task.ToString();
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(FollowUpTask) && e.EntityId == key).OrderBy(e => e.At).Select(e => new { e.UserId, e.Action, e.Changes }).ToListAsync();
        Assert.Equal(["peninjau", "sekretariat", "pelaksana", "pelaksana", "peninjau"], audit.Select(e => e.UserId));
        Assert.Contains("\"Status\":{\"before\":\"Assigned\",\"after\":\"InProgress\"}", audit[2].Changes, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(FollowUpTaskEvent) && e.UserId == "pelaksana2" && e.Changes.Contains("Kabel dipesan")));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Photo) && e.UserId == "peninjau" && e.Changes.Contains(key)));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Finding) && e.UserId == "peninjau" && e.Changes.Contains("Resolved")));
        Assert.True(await db.Notifications.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Notification)));
    }

    private static Actor Repairer(string userId) => new(userId, new HashSet<string> { Roles.RepairUnit });

    private static ProcessedPhoto Processed() => PhotoProcessor.Process(TestImages.Jpeg(320, 240));

    private static async Task<FindingStatus> FindingStatusAsync(BalaiKotaDbContext db, Guid taskId) =>
        await db.Findings.Where(f => db.FollowUpTasks.Any(t => t.FindingId == f.Id && t.Id == taskId)).Select(f => f.Status).SingleAsync();

    private AssignRequest Assignment(Guid taskId, int version, Guid unitId, string? assigneeId = null, TaskPriority priority = TaskPriority.Urgent, DateOnly? due = null) =>
        new(taskId, version, unitId, assigneeId, priority, due ?? Today.AddDays(7));

    /// <summary>
    /// Five tasks of two visits, an hour apart, as the list sees them on Thursday 19 November (week of 16–22):
    /// A1 assigned to the technical unit and its member, due Tuesday (overdue); A2 a critical draft, due Thursday;
    /// A3 assigned to the OPD's own unit, due next Friday; B1 in progress, due Saturday; B2 dismissed.
    /// A's are in the service building, B's in the main building.
    /// </summary>
    private async Task<ListData> ListDataAsync()
    {
        var staff = await RoomIdAsync(StaffRoom);
        await VisitAsync(_opdA, async v =>
        {
            var curtain = await AdHocAsync(v, staff, InspectionArea.Comfort, Severity.Low, "Tirai jendela sobek");
            await _inspections.AddPhotoAsync(_inspector, v, new PhotoTarget(null, curtain), Processed());
            await AdHocAsync(v, staff, InspectionArea.Safety, Severity.Critical, "Kabel 100% terkelupas");
            var heat = await ReadingAsync(v, staff, "HEAT-WORK", 31);
            await _inspections.AddPhotoAsync(_inspector, v, new PhotoTarget(heat, null), Processed());
        });
        _clock.Advance(TimeSpan.FromHours(1));
        var head = await RoomIdAsync(HeadRoom);
        await VisitAsync(_opdB, async v =>
        {
            await AdHocAsync(v, head, InspectionArea.Toilets, Severity.Medium, "Kran_air bocor");
            await AdHocAsync(v, head, InspectionArea.Ventilation, Severity.High, "Ventilasi TERSUMBAT debu");
        });

        var a1 = await TaskAsync(d => d == "Tirai jendela sobek");
        var a2 = await TaskAsync(d => d == "Kabel 100% terkelupas");
        var a3 = await TaskAsync(d => d.StartsWith("Suhu ruang kerja", StringComparison.Ordinal));
        var b1 = await TaskAsync(d => d == "Kran_air bocor");
        var b2 = await TaskAsync(d => d == "Ventilasi TERSUMBAT debu");
        await _followUps.AssignAsync(_secretariat, Assignment(a1, await VersionAsync(a1), _technicalUnit, "pelaksana", TaskPriority.Low, new DateOnly(2026, 11, 17)));
        await _followUps.AssignAsync(_secretariat, Assignment(a3, await VersionAsync(a3), _opdUnit, null, TaskPriority.High, new DateOnly(2026, 11, 27)));
        var b1Assigned = await _followUps.AssignAsync(_secretariat, Assignment(b1, await VersionAsync(b1), _technicalUnit, null, TaskPriority.Normal, new DateOnly(2026, 11, 21)));
        await _followUps.StartWorkAsync(_repair, b1, b1Assigned.Task.Version);
        await _followUps.DismissAsync(_secretariat, b2, await VersionAsync(b2), "Ventilasi milik gedung sebelah");
        _clock.Advance(TimeSpan.FromDays(3));

        await using var db = _database.CreateDbContext();
        var buildings = await db.Buildings.ToDictionaryAsync(b => b.Name, b => b.Id);
        return new ListData(a1, a2, a3, b1, b2, buildings["Gedung Balai Kota Utama (contoh)"], buildings["Gedung Pelayanan Terpadu (contoh)"]);
    }

    /// <summary>One submitted visit of Disdukcapil with an ad hoc finding per description in its staff room; their drafts in that order.</summary>
    private async Task<List<(Guid Id, int Version)>> DraftsAsync(params (string Description, Severity Severity)[] findings)
    {
        var staff = await RoomIdAsync(StaffRoom);
        await VisitAsync(_opdA, async v =>
        {
            foreach (var (description, severity) in findings)
            {
                await AdHocAsync(v, staff, InspectionArea.Safety, severity, description);
            }
        });
        var drafts = new List<(Guid, int)>();
        foreach (var (description, _) in findings)
        {
            var id = await TaskAsync(d => d == description);
            drafts.Add((id, await VersionAsync(id)));
        }

        return drafts;
    }

    private Task<Guid> VisitAsync(Opd opd, Func<Guid, Task> record, IReadOnlyList<string>? team = null) =>
        _walk.SubmitVisitAsync(_inspector, opd, Today, record, team);

    private Task<Guid> AdHocAsync(Guid visitId, Guid roomId, InspectionArea area, Severity severity, string description) =>
        _inspections.AddAdHocFindingAsync(_inspector, visitId, roomId, new AdHocFindingRequest(area, severity, description));

    private Task<Guid> ReadingAsync(Guid visitId, Guid roomId, string code, decimal value) => _walk.ReadingAsync(_inspector, visitId, roomId, code, value);

    private Task<Guid> RoomIdAsync(string name) => _walk.RoomIdAsync(name);

    private Task<Guid> TaskAsync(Func<string, bool> description) => _walk.TaskAsync(description);

    private Task<int> VersionAsync(Guid taskId) => _walk.VersionAsync(taskId);

    /// <summary>The finding photo the task shows (of the ad hoc finding or of the answer behind it).</summary>
    private async Task<Guid> FindingPhotoAsync(Guid taskId) => (await _followUps.GetAsync(_secretariat, taskId)).Finding.Photos.Single().Id;

    private async Task<List<string>> RecipientsAsync(Guid taskId, NotificationKind kind)
    {
        await using var db = _database.CreateDbContext();
        return await db.Notifications.Where(n => n.TaskId == taskId && n.Kind == kind).OrderBy(n => n.UserId).Select(n => n.UserId).ToListAsync();
    }

    private async Task RepairAsync(Guid taskId, int assignedVersion)
    {
        var started = await _followUps.StartWorkAsync(_repair, taskId, assignedVersion);
        await _followUps.AddPhotoAsync(_repair, taskId, PhotoKind.After, Processed());
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _followUps.MarkDoneAsync(_repair, taskId, started.Task.Version, "Sudah diperbaiki");
    }

    private async Task VerifyWithPhotoAsync(Guid taskId)
    {
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _followUps.AddPhotoAsync(_inspector, taskId, PhotoKind.Verification, Processed());
        var verified = await _followUps.VerifyAsync(_inspector, taskId, await VersionAsync(taskId), "Sudah sesuai");
        Assert.Equal(FollowUpStatus.Verified, verified.Task.Status);
    }

    private async Task PublishNextTemplateVersionAsync()
    {
        await using var db = _database.CreateDbContext();
        var current = await db.ChecklistTemplates.Include(t => t.Categories).ThenInclude(c => c.Items).SingleAsync();
        var next = current.CreateNextDraft();
        next.Publish(_clock.GetUtcNow().UtcDateTime);
        db.ChecklistTemplates.Add(next);
        await db.SaveChangesAsync();
    }

    private async Task<List<Guid>> IdsAsync(TaskListFilter filter) => (await RowsAsync(filter)).Select(r => r.Id).ToList();

    private async Task<List<Guid>> IdsOfAsync(Actor actor, TaskListFilter filter) => (await _followUps.ListAsync(actor, filter)).Rows.Select(r => r.Id).ToList();

    private async Task<IReadOnlyList<TaskRow>> RowsAsync(TaskListFilter filter) => (await _followUps.ListAsync(_secretariat, filter)).Rows;

    private sealed record ListData(Guid A1, Guid A2, Guid A3, Guid B1, Guid B2, Guid MainBuilding, Guid AnnexBuilding);

    /// <summary>Contexts of the test database that let another writer in once, just before the first save writes.</summary>
    private sealed class RacingContexts(TestDatabase database) : IDbContextFactory<BalaiKotaDbContext>
    {
        private Func<Task>? _beforeFirstSave;

        public Func<Task>? BeforeFirstSave
        {
            set => _beforeFirstSave = value;
        }

        public bool Raced { get; private set; }

        public BalaiKotaDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<BalaiKotaDbContext>();
            BalaiKotaDatabase.Configure(options, database.Provider, database.ConnectionString, database.Clock);
            options.AddInterceptors(new LetOtherWriterIn(this));
            return new BalaiKotaDbContext(options.Options);
        }

        private sealed class LetOtherWriterIn(RacingContexts owner) : SaveChangesInterceptor
        {
            public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (Interlocked.Exchange(ref owner._beforeFirstSave, null) is { } other)
                {
                    await other();
                    owner.Raced = true;
                }

                return result;
            }
        }
    }
}

public sealed class SqliteFollowUpWorkflowTests() : FollowUpWorkflowTests(DatabaseProvider.Sqlite);

public sealed class PostgresFollowUpWorkflowTests() : FollowUpWorkflowTests(DatabaseProvider.Postgres);

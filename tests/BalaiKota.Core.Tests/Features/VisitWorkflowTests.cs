using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>The walk-through services on a real database, proved on each provider by the subclasses below.</summary>
public abstract class VisitWorkflowTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _inspector = Samples.Inspector;
    private readonly Actor _otherInspector = new("peninjau2", new HashSet<string> { Roles.Inspector });
    private readonly Actor _admin = new("admin", new HashSet<string> { Roles.Administrator });
    private TestDatabase _database = default!;
    private VisitService _visits = default!;
    private InspectionService _inspections = default!;
    private Opd _opd = default!;

    private static DateOnly Today => new(2026, 11, 20);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(provider, _clock);
        await using var db = _database.CreateDbContext();
        var template = DefaultChecklist.Build();
        template.Publish(Samples.Now);
        db.ChecklistTemplates.Add(template);
        await SampleRegistry.EnsureAsync(db);
        TestUsers.Add(db, Roles.Inspector, "peninjau", "peninjau2");
        TestUsers.Add(db, Roles.Secretariat, "sekretariat");
        TestUsers.Add(db, Roles.Administrator, "admin");
        TestUsers.Add(db, Roles.Leadership, "pimpinan");

        await db.SaveChangesAsync();
        _opd = await db.Opds.OrderBy(o => o.Name).FirstAsync(o => db.Rooms.Count(r => r.OpdId == o.Id && r.Type == RoomType.Toilet) > 0 && db.Rooms.Count(r => r.OpdId == o.Id && r.Type == RoomType.Office) > 0);
        var templates = new TemplateCache(_database);
        _visits = new VisitService(_database, templates, Options.Create(new DueDays()), _clock);
        _inspections = new InspectionService(_database, templates, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PlansAVisitOverEveryActiveRoomOfTheOpdAndStartsItAtOnce()
    {
        var visitId = await StartVisitAsync();

        var overview = await _visits.GetOverviewAsync(_inspector, visitId);
        await using var db = _database.CreateDbContext();
        Assert.Equal(VisitStatus.InProgress, overview.Status);
        Assert.Equal(await db.Rooms.CountAsync(r => r.OpdId == _opd.Id && r.IsActive), overview.Rooms.Count);
        Assert.All(overview.Rooms, r => Assert.Equal(0, r.Answered));
        Assert.Equal(["Ibu Sekretaris (Sekretaris Dinas)"], overview.Officials.Select(o => $"{o.Name} ({o.Position})"));
        Assert.True(overview.CanEdit);
        Assert.Equal(await db.ChecklistTemplates.Select(t => t.Id).SingleAsync(), (await db.Visits.SingleAsync()).TemplateId);
    }

    [Fact]
    public async Task SavesAnAnswerThatTheRoomSheetShowsAfterAReload()
    {
        var visitId = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");

        var saved = await SaveAsync(visitId, office, temperature, AnswerInput.Reading(31), note: "AC mati");
        var sheet = await _inspections.GetRoomAsync(_inspector, visitId, office);

        Assert.False(saved.IsConflict);
        var entry = sheet.Categories.SelectMany(c => c.Items).Single(i => i.Item.Id == temperature);
        Assert.Equal(AnswerOutcome.NotOk, entry.Answer!.Outcome);
        Assert.Equal(31m, entry.Answer.Value);
        Assert.Equal("AC mati", entry.Answer.Note);
        Assert.Equal(Severity.High, entry.Answer.Severity);
        Assert.Equal("Nama peninjau", entry.Answer.AnsweredByName);
        Assert.Equal(1, sheet.Answered);
        Assert.All(sheet.Categories.SelectMany(c => c.Items), i => Assert.True(i.Item.AppliesTo(RoomType.Office)));
    }

    [Fact]
    public async Task RefusesAReadingOutsidePlausibilityAndStoresNothing()
    {
        var visitId = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");

        var refused = await Assert.ThrowsAsync<DomainException>(() => SaveAsync(visitId, office, temperature, AnswerInput.Reading(75)));

        Assert.Equal("answer.implausible", refused.Code);
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Answers.CountAsync());
    }

    [Fact]
    public async Task ShowsAConflictInsteadOfOverwritingAnAnswerSavedBySomeoneElse()
    {
        var visitId = await StartVisitAsync(team: ["peninjau2"]);
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");
        var first = await SaveAsync(visitId, office, temperature, AnswerInput.Reading(31));

        // The second inspector's tablet still shows the empty item (revision 0).
        var stale = await _inspections.SaveAnswerAsync(_otherInspector, new SaveAnswerRequest(visitId, office, temperature, AnswerInput.Reading(24), null, null, BasedOnRevision: 0));

        Assert.True(stale.IsConflict);
        Assert.Equal(31m, stale.Answer.Value);
        Assert.Equal("Nama peninjau", stale.Answer.AnsweredByName);
        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(31m, (await db.Answers.SingleAsync()).Value);
        }

        var kept = await _inspections.SaveAnswerAsync(_otherInspector, new SaveAnswerRequest(visitId, office, temperature, AnswerInput.Reading(24), null, null, BasedOnRevision: first.Answer.Revision));
        Assert.False(kept.IsConflict);
        Assert.Equal(AnswerOutcome.Ok, kept.Answer.Outcome);
        Assert.Equal(2, kept.Answer.Revision);
    }

    [Fact]
    public async Task LetsTwoInspectorsSaveDifferentRoomsAtTheSameTime()
    {
        var visitId = await StartVisitAsync(team: ["peninjau2"]);
        await using var db = _database.CreateDbContext();
        var offices = await db.Rooms.Where(r => r.OpdId == _opd.Id && r.Type == RoomType.Office).Select(r => r.Id).Take(2).ToListAsync();
        var template = await db.ChecklistTemplates.Include(t => t.Categories).ThenInclude(c => c.Items).SingleAsync();
        var items = template.Items.Where(i => i.AppliesTo(RoomType.Office) && i.AnswerType == AnswerType.PassFail).Take(6).ToList();
        var rooms = offices.Count == 2 ? offices : [offices[0], (await db.Rooms.FirstAsync(r => r.OpdId == _opd.Id && r.Type == RoomType.Toilet)).Id];

        var saves = items.SelectMany(item => new[]
        {
            SaveIfApplicableAsync(_inspector, visitId, rooms[0], item),
            SaveIfApplicableAsync(_otherInspector, visitId, rooms[1], item),
        });
        var results = await Task.WhenAll(saves);

        Assert.All(results, r => Assert.False(r?.IsConflict));
        Assert.Equal(results.Count(r => r is not null), await db.Answers.CountAsync());
    }

    [Fact]
    public async Task SubmitsIntoFindingsAndTaskDraftsDueBySeverityAndRecordsTheRestAsNotInspected()
    {
        var visitId = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");
        await SaveAsync(visitId, office, temperature, AnswerInput.Reading(31));
        var apar = await ItemAsync("SAF-APAR");
        await SaveAsync(visitId, office, apar, AnswerInput.Fail(), severity: Severity.Critical);
        await _inspections.AddAdHocFindingAsync(_inspector, visitId, office, new AdHocFindingRequest(InspectionArea.Comfort, Severity.Low, "Tirai jendela sobek"));
        await SignBothAsync(visitId);

        var unconfirmed = await Assert.ThrowsAsync<DomainException>(() => _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: false));
        Assert.Equal("visit.unansweredNotConfirmed", unconfirmed.Code);
        var result = await _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true);

        Assert.Equal(new SubmitResult(3, 3), result);
        await using var db = _database.CreateDbContext();
        var tasks = await db.FollowUpTasks.Join(db.Findings, t => t.FindingId, f => f.Id, (t, f) => new { f.Description, f.Severity, t.Status, t.DueDate }).ToListAsync();
        Assert.All(tasks, t => Assert.Equal(FollowUpStatus.New, t.Status));
        Assert.Equal(Today.AddDays(7), tasks.Single(t => t.Description.StartsWith("Suhu ruang kerja: 31 °C", StringComparison.Ordinal)).DueDate);
        Assert.Equal(Today.AddDays(3), tasks.Single(t => t.Severity == Severity.Critical).DueDate);
        Assert.Equal(Today.AddDays(30), tasks.Single(t => t.Description == "Tirai jendela sobek").DueDate);
        Assert.Equal(VisitStatus.Submitted, (await db.Visits.SingleAsync()).Status);
        Assert.True(await db.Answers.CountAsync(a => a.Outcome == AnswerOutcome.NotInspected) > 0);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Visit) && e.UserId == "peninjau"));
    }

    [Fact]
    public async Task SubmitsAToiletWithTooFewClosetsAgainstTheHeadcountItServes()
    {
        var visitId = await StartVisitAsync();
        await using var db = _database.CreateDbContext();
        var toilet = await db.Rooms.Where(r => r.OpdId == _opd.Id && r.Type == RoomType.Toilet).OrderBy(r => r.Name).FirstAsync();
        var closets = await ItemAsync("TOI-CLOSETS");
        await SaveAsync(visitId, toilet.Id, closets, AnswerInput.Reading(0));
        await SignBothAsync(visitId);

        await _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true);

        var visit = await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
        var required = ToiletRatio.RequiredClosets(EvaluationContext.For(visit, toilet).Headcount);
        Assert.Equal($"Jumlah kloset sesuai jumlah pegawai: 0 unit (standar ≥ {required} unit)", (await db.Findings.SingleAsync()).Description);
    }

    [Fact]
    public async Task KeepsAPastReportsClosetStandardWhenTheOpdsHeadcountIsCorrectedLater()
    {
        var visitId = await StartVisitAsync();
        Room toilet;
        await using (var db = _database.CreateDbContext())
        {
            toilet = await db.Rooms.AsNoTracking().Where(r => r.OpdId == _opd.Id && r.Type == RoomType.Toilet).OrderBy(r => r.Name).FirstAsync();
        }

        await SaveAsync(visitId, toilet.Id, await ItemAsync("TOI-CLOSETS"), AnswerInput.Reading(1));
        await SignBothAsync(visitId);
        await _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true);
        var reports = new VisitReportService(_database, new TemplateCache(_database), _clock);
        async Task<string> StandardAsync(Guid visit) =>
            (await reports.BuildAsync(_admin, visit, ReportLanguage.Indonesian)).Rooms.Single(r => r.Name == toilet.Name).Answers
                .Single(a => a.Item == "Jumlah kloset sesuai jumlah pegawai").Standard;
        var before = await StandardAsync(visitId);

        var registry = new RegistryService(_database);
        var row = (await registry.ListOpdsAsync(_admin)).Single(o => o.Id == _opd.Id);
        await registry.UpdateOpdAsync(_admin, _opd.Id, row.Version, new OpdInput(row.Name, row.ShortName, row.Kind, row.MaleHeadcount + 200, row.FemaleHeadcount + 200));

        Assert.Equal(before, await StandardAsync(visitId));
        _clock.Advance(TimeSpan.FromDays(1));
        var later = await StartVisitAsync(date: Today.AddDays(1));
        await SaveAsync(later, toilet.Id, await ItemAsync("TOI-CLOSETS"), AnswerInput.Reading(1));
        await SignBothAsync(later);
        await _visits.SubmitAsync(_inspector, later, confirmUnanswered: true);
        Assert.NotEqual(before, await StandardAsync(later));
    }

    [Fact]
    public async Task RefusesAnswersPhotosAndSignaturesOnceTheVisitIsSubmitted()
    {
        var visitId = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");
        var answer = await SaveAsync(visitId, office, temperature, AnswerInput.Reading(31));
        await SignBothAsync(visitId);
        await _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true);

        Assert.Equal("visit.notInProgress", (await Assert.ThrowsAsync<DomainException>(() => SaveAsync(visitId, office, temperature, AnswerInput.Reading(25), revision: answer.Answer.Revision))).Code);
        Assert.Equal("visit.notInProgress", (await Assert.ThrowsAsync<DomainException>(() => _inspections.AddPhotoAsync(_inspector, visitId, new PhotoTarget(answer.Answer.Id, null), Processed()))).Code);
        Assert.Equal("visit.notInProgress", (await Assert.ThrowsAsync<DomainException>(() => _visits.SignAsync(_inspector, visitId, new SignRequest(VisitSigner.LeadInspector, "Ani", null, Signature)))).Code);
        await using var db = _database.CreateDbContext();
        Assert.Equal(31m, (await db.Answers.SingleAsync(a => a.ItemId == temperature && a.Outcome != AnswerOutcome.NotInspected)).Value);
    }

    [Fact]
    public async Task RefusesAnotherInspectorsVisitAndLeadershipChangesButLetsLeadershipRead()
    {
        var visitId = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");

        var denied = await Assert.ThrowsAsync<DomainException>(() => _inspections.SaveAnswerAsync(_otherInspector, new SaveAnswerRequest(visitId, office, temperature, AnswerInput.Reading(24), null, null, 0)));
        Assert.Equal(VisitAccess.DeniedCode, denied.Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _inspections.SaveAnswerAsync(Samples.Leadership, new SaveAnswerRequest(visitId, office, temperature, AnswerInput.Reading(24), null, null, 0)))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _inspections.GetRoomAsync(_otherInspector, visitId, office))).Code);
        Assert.Empty(await _visits.ListAsync(_otherInspector, new VisitListFilter()));
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _visits.PlanAsync(Samples.Leadership, PlanRequest([])))).Code);

        var read = await _inspections.GetRoomAsync(Samples.Leadership, visitId, office);
        Assert.False(read.CanEdit);
        Assert.Single(await _visits.ListAsync(Samples.Leadership, new VisitListFilter(Status: VisitStatus.InProgress)));
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Answers.CountAsync());
    }

    [Fact]
    public async Task ListsTheVisitsPlannedForAWibWeekFromMondayToSundayOfTheCallersTeamOnly()
    {
        var sunday = await PlanAsync(new DateOnly(2026, 11, 15));
        var monday = await PlanAsync(new DateOnly(2026, 11, 16));
        var today = await StartVisitAsync();
        var withTeam = await PlanAsync(new DateOnly(2026, 11, 22), lead: "peninjau2", team: ["peninjau"]);
        var nextMonday = await PlanAsync(new DateOnly(2026, 11, 23));
        var othersOnly = await PlanAsync(new DateOnly(2026, 11, 18), lead: "peninjau2");
        var week = WibWeek.Containing(Today);

        Assert.Equal([withTeam, today, monday], (await _visits.ListAsync(_inspector, new VisitListFilter(Week: week))).Select(v => v.Id));
        Assert.Equal([withTeam, monday], (await _visits.ListAsync(_inspector, new VisitListFilter(Status: VisitStatus.Planned, Week: week))).Select(v => v.Id));
        Assert.Equal([withTeam, today, othersOnly, monday], (await _visits.ListAsync(_admin, new VisitListFilter(Week: week))).Select(v => v.Id));
        Assert.Equal([nextMonday], (await _visits.ListAsync(_inspector, new VisitListFilter(Week: WibWeek.Containing(new DateOnly(2026, 11, 29))))).Select(v => v.Id));
        Assert.Equal([sunday], (await _visits.ListAsync(_inspector, new VisitListFilter(Week: WibWeek.Containing(new DateOnly(2026, 11, 9))))).Select(v => v.Id));
    }

    [Fact]
    public async Task RefusesARoomOfAnotherOpd()
    {
        var visitId = await StartVisitAsync();
        await using var db = _database.CreateDbContext();
        var foreign = await db.Rooms.FirstAsync(r => r.OpdId != _opd.Id);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _inspections.AddRoomAsync(_inspector, visitId, foreign.Id));

        Assert.Equal("visit.roomOtherOpd", refused.Code);
        Assert.Equal(0, await db.RoomInspections.CountAsync(r => r.RoomId == foreign.Id));
    }

    [Fact]
    public async Task AddsAMissingRoomFlaggedForConfirmation()
    {
        var visitId = await StartVisitAsync();

        var roomId = await _inspections.AddNewRoomAsync(_inspector, visitId, new NewRoomRequest("Gudang arsip", 2, RoomType.Other, null));

        var overview = await _visits.GetOverviewAsync(_inspector, visitId);
        var added = overview.Rooms.Single(r => r.RoomId == roomId);
        Assert.True(added.NeedsConfirmation);
        Assert.Equal("Gudang arsip", added.Name);
        Assert.True(added.Applicable > 0);
    }

    [Fact]
    public async Task KeepsPhotosUntilRemovedAndServesThemOnlyToThoseWhoReadTheVisit()
    {
        var visitId = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");
        var answer = await SaveAsync(visitId, office, temperature, AnswerInput.Reading(31));

        var photo = await _inspections.AddPhotoAsync(_inspector, visitId, new PhotoTarget(answer.Answer.Id, null), Processed());
        var second = await _inspections.AddPhotoAsync(_inspector, visitId, new PhotoTarget(answer.Answer.Id, null), Processed());
        await _inspections.RemovePhotoAsync(_inspector, visitId, second.Id);

        var sheet = await _inspections.GetRoomAsync(_inspector, visitId, office);
        Assert.Equal([photo.Id], sheet.Categories.SelectMany(c => c.Items).Single(i => i.Item.Id == temperature).Photos.Select(p => p.Id));
        Assert.NotNull(await _inspections.GetPhotoBytesAsync(_inspector, photo.Id, thumbnail: true));
        Assert.NotNull(await _inspections.GetPhotoBytesAsync(Samples.Leadership, photo.Id, thumbnail: false));
        Assert.Null(await _inspections.GetPhotoBytesAsync(_otherInspector, photo.Id, thumbnail: false));
        Assert.Null(await _inspections.GetPhotoBytesAsync(new Actor("pelaksana", new HashSet<string> { Roles.RepairUnit }), photo.Id, thumbnail: false));
    }

    [Fact]
    public async Task ShowsThePreviousSubmittedVisitsAnswerBesideTheItem()
    {
        var first = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");
        await SaveAsync(first, office, temperature, AnswerInput.Reading(30));
        await SignBothAsync(first);
        await _visits.SubmitAsync(_inspector, first, confirmUnanswered: true);

        _clock.Advance(TimeSpan.FromDays(30));
        var second = await StartVisitAsync(date: Today.AddDays(30));
        var sheet = await _inspections.GetRoomAsync(_inspector, second, office);

        var previous = sheet.Categories.SelectMany(c => c.Items).Single(i => i.Item.Id == temperature).Previous;
        Assert.Equal(new PreviousAnswer(Today, AnswerOutcome.NotOk, 30m, null), previous);
    }

    [Fact]
    public async Task LetsOnlyAnAdministratorReopenASubmittedVisitWithAReason()
    {
        var visitId = await StartVisitAsync();
        await SignBothAsync(visitId);
        await _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true);

        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _visits.ReopenAsync(_inspector, visitId, "salah"))).Code);
        await _visits.ReopenAsync(_admin, visitId, "Ruang rapat tertukar.");

        await using var db = _database.CreateDbContext();
        Assert.Equal(VisitStatus.InProgress, (await db.Visits.SingleAsync()).Status);
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(Visit) && e.UserId == "admin").ToListAsync();
        Assert.Contains(audit, e => e.Changes.Contains("Ruang rapat tertukar.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesATeamOfAnyoneButActiveInspectorsAndAnUnannouncedVisitStartedByTheSecretariat()
    {
        var secretariat = new Actor("sekretariat", new HashSet<string> { Roles.Secretariat });

        var leadNotInspector = await Assert.ThrowsAsync<DomainException>(() => _visits.PlanAsync(secretariat, PlanRequest([]) with { LeadInspectorId = "pimpinan" }));
        var memberNotInspector = await Assert.ThrowsAsync<DomainException>(() => _visits.PlanAsync(_inspector, PlanRequest(["sekretariat"])));
        var adHoc = await Assert.ThrowsAsync<DomainException>(() => _visits.StartAdHocAsync(secretariat, _opd.Id));

        Assert.Equal("visit.teamNotInspectors", leadNotInspector.Code);
        Assert.Equal("visit.teamNotInspectors", memberNotInspector.Code);
        Assert.Equal(VisitAccess.DeniedCode, adHoc.Code);
        await _visits.PlanAsync(secretariat, PlanRequest(["peninjau2"]) with { StartNow = false });
        await using var db = _database.CreateDbContext();
        Assert.Equal(VisitStatus.Planned, (await db.Visits.SingleAsync()).Status);
    }

    [Fact]
    public async Task LetsOnlyTheLeadSignAsLeadButAnyTeamInspectorTakeTheOpdsSignature()
    {
        var visitId = await StartVisitAsync(team: ["peninjau2"]);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _visits.SignAsync(_otherInspector, visitId, new SignRequest(VisitSigner.LeadInspector, "Nama peninjau2", null, Signature)));
        await _visits.SignAsync(_otherInspector, visitId, new SignRequest(VisitSigner.OpdRepresentative, "Ibu Sekretaris", "Sekretaris Dinas", Signature));
        await _visits.SignAsync(_otherInspector, visitId, new SignRequest(VisitSigner.OpdRepresentative, "Bapak Kepala", "Kepala Dinas", Signature));

        Assert.Equal(VisitAccess.DeniedCode, refused.Code);
        var summary = await _visits.GetSummaryAsync(_inspector, visitId);
        Assert.Equal([(VisitSigner.OpdRepresentative, "Bapak Kepala")], summary.Signatures.Select(s => (s.Signer, s.Name)));
    }

    [Fact]
    public async Task AReopenedVisitMustBeSignedAgainKeepsItsFindingsAndMakesNoSecondTask()
    {
        var visitId = await StartVisitAsync();
        var (office, temperature) = await OfficeAndItemAsync("HEAT-WORK");
        await SaveAsync(visitId, office, temperature, AnswerInput.Reading(31));
        var adHoc = await _inspections.AddAdHocFindingAsync(_inspector, visitId, office, new AdHocFindingRequest(InspectionArea.Comfort, Severity.Low, "Tirai sobek"));
        await SignBothAsync(visitId);
        await _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true);

        await _visits.ReopenAsync(_admin, visitId, "Catatan suhu perlu dilengkapi.");
        var removeFound = await Assert.ThrowsAsync<DomainException>(() => _inspections.RemoveAdHocFindingAsync(_inspector, visitId, adHoc));
        var unsigned = await Assert.ThrowsAsync<DomainException>(() => _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true));
        await SignBothAsync(visitId);
        var again = await _visits.SubmitAsync(_inspector, visitId, confirmUnanswered: true);

        Assert.Equal("finding.hasTask", removeFound.Code);
        Assert.Equal("visit.leadSignature", unsigned.Code);
        Assert.Equal(new SubmitResult(0, 0), again);
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.Findings.CountAsync());
        Assert.Equal(2, await db.FollowUpTasks.CountAsync());
    }

    private PlanVisitRequest PlanRequest(IReadOnlyList<string> team, DateOnly? date = null) =>
        new(_opd.Id, date ?? Today, "peninjau", team, [new AccompanyingOfficial("Ibu Sekretaris", "Sekretaris Dinas")], null, StartNow: true);

    /// <summary>A visit planned (not started) for the date, of every active room of the OPD.</summary>
    private Task<Guid> PlanAsync(DateOnly date, string lead = "peninjau", IReadOnlyList<string>? team = null) =>
        _visits.PlanAsync(_inspector, new PlanVisitRequest(_opd.Id, date, lead, team ?? [], [], null, StartNow: false));

    private Task<Guid> StartVisitAsync(IReadOnlyList<string>? team = null, DateOnly? date = null) =>
        _visits.PlanAsync(_inspector, PlanRequest(team ?? [], date));

    private async Task<(Guid Office, Guid Item)> OfficeAndItemAsync(string code)
    {
        await using var db = _database.CreateDbContext();
        var office = await db.Rooms.Where(r => r.OpdId == _opd.Id && r.Type == RoomType.Office).OrderBy(r => r.Name).Select(r => r.Id).FirstAsync();
        return (office, await ItemAsync(code));
    }

    private async Task<Guid> ItemAsync(string code)
    {
        await using var db = _database.CreateDbContext();
        return await db.ChecklistItems.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    }

    private Task<SaveAnswerResult> SaveAsync(Guid visitId, Guid roomId, Guid itemId, AnswerInput input, string? note = null, Severity? severity = null, int revision = 0) =>
        _inspections.SaveAnswerAsync(_inspector, new SaveAnswerRequest(visitId, roomId, itemId, input, note, severity, revision));

    private async Task<SaveAnswerResult?> SaveIfApplicableAsync(Actor actor, Guid visitId, Guid roomId, ChecklistItem item)
    {
        await using var db = _database.CreateDbContext();
        var type = await db.Rooms.Where(r => r.Id == roomId).Select(r => r.Type).SingleAsync();
        return item.AppliesTo(type)
            ? await _inspections.SaveAnswerAsync(actor, new SaveAnswerRequest(visitId, roomId, item.Id, AnswerInput.Pass(), null, null, 0))
            : null;
    }

    private async Task SignBothAsync(Guid visitId)
    {
        await _visits.SignAsync(_inspector, visitId, new SignRequest(VisitSigner.LeadInspector, "Nama peninjau", "Ketua Tim", Signature));
        await _visits.SignAsync(_inspector, visitId, new SignRequest(VisitSigner.OpdRepresentative, "Ibu Sekretaris", "Sekretaris Dinas", Signature));
    }

    private static ProcessedPhoto Processed() => PhotoProcessor.Process(TestImages.Jpeg(640, 480));
}

public sealed class SqliteVisitWorkflowTests() : VisitWorkflowTests(DatabaseProvider.Sqlite);

public sealed class PostgresVisitWorkflowTests() : VisitWorkflowTests(DatabaseProvider.Postgres);
